/**
 * axe-core scanning helpers of the accessibility journey (a11y.e2e.ts): wait for a page's data, run
 * axe with the WCAG 2.0/2.1/2.2 A and AA tags, describe the violations in a readable way.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './support';

export const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let source: string | null = null;
function axeSource(): string {
  source ??= `${fs.readFileSync(AXE_PATH, 'utf8')}\n;true`;
  return source;
}

export interface Finding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
  summary: string;
}

/** Waits until no loader, skeleton or "Đang tải" status is visible twice in a row (the page's data came). */
export async function settle(page: Page, timeout = 15_000): Promise<void> {
  const until = Date.now() + timeout;
  let quiet = 0;
  while (Date.now() < until) {
    const busy = await page.evaluate(() => {
      const sel = '.mantine-Loader-root, .mantine-Skeleton-root, [aria-busy="true"], [data-loading="true"]';
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) return true;
      }
      return !document.querySelector('#main-content, main, form');
    });
    quiet = busy ? 0 : quiet + 1;
    if (quiet >= 2) return;
    await page.waitForTimeout(150);
  }
}

/** Runs axe on the page (or on `include`) and returns its serious and critical violations. */
export async function scan(page: Page, label: string, include?: string): Promise<Finding[]> {
  // The app's CSP (script-src 'self') refuses an injected <script>: evaluate the source through DevTools instead.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  // Colours mid-transition (a drawer or popover fading in) are not what a person reads: wait for animations to end.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => {});
  const violations = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: any }).axe;
      const result = await axe.run(include ? { include: [include] } : document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n: any) => ({ target: n.target.map(String).join(' '), html: String(n.html).slice(0, 160), summary: n.failureSummary as string })),
      }));
    },
    { tags: WCAG_TAGS, include },
  );
  const out: Finding[] = [];
  for (const v of violations as { id: string; impact: string; help: string; nodes: { target: string; html: string; summary: string }[] }[]) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    out.push({
      page: label,
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target}  ${n.html.replace(/\s+/g, ' ')}`),
      summary: v.nodes[0]?.summary.replace(/\s+/g, ' ').slice(0, 300) ?? '',
    });
  }
  return out;
}

export function report(findings: readonly Finding[]): string {
  return findings.map((f) => `• ${f.page} — ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.join('\n    ')}\n    ${f.summary}`).join('\n');
}
