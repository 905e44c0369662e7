/**
 * The language a request asks for, from `Accept-Language` (the web sends its UI language with every call):
 * 'vi' or 'en', the one with the highest q; null when the header names neither (the account's locale stays).
 */
export type RequestLang = 'vi' | 'en';

export function requestLanguage(header: string | undefined | null): RequestLang | null {
  if (!header) return null;
  let best: { lang: RequestLang; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? null;
}
