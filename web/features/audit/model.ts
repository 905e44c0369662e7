/** Pure helpers of the audit log screen: filters ↔ query, action options, a short summary of the data. */
import { AUDIT_ACTION_GROUPS_VI, AUDIT_ACTION_LABELS_VI } from '../../../shared/contracts/audit';
import { parseDateText } from '../calendar/dateText';
import { AUDIT_ACTION_LABELS_EN, AUDIT_GROUP_LABELS_EN } from './i18n';

export interface AuditFilters {
  agencyId: string | null;
  userId: string | null;
  action: string | null;
  /** As typed (dd/mm/yyyy). */
  fromText: string;
  toText: string;
}

export const EMPTY_FILTERS: AuditFilters = { agencyId: null, userId: null, action: null, fromText: '', toText: '' };

/** The API query of the filters, or an error key when the dates are not valid. */
export function filtersToQuery(f: AuditFilters): { query: Record<string, string | undefined>; error: 'invalidDate' | 'invalidRange' | null } {
  const from = parseDateText(f.fromText);
  const to = parseDateText(f.toText);
  if (from === null || to === null) return { query: {}, error: 'invalidDate' };
  if (from && to && from > to) return { query: {}, error: 'invalidRange' };
  return {
    query: { agencyId: f.agencyId ?? undefined, userId: f.userId ?? undefined, action: f.action ?? undefined, from: from || undefined, to: to || undefined },
    error: null,
  };
}

export function actionLabel(action: string, lang: string, serverLabel?: string): string {
  if (lang === 'en') return AUDIT_ACTION_LABELS_EN[action] ?? action;
  return serverLabel ?? AUDIT_ACTION_LABELS_VI[action] ?? action;
}

/** Options of the action select: the groups first, then every known action. */
export function actionOptions(lang: string, groupLabel: (label: string) => string, titles: { groups: string; actions: string }) {
  const groups = Object.entries(AUDIT_ACTION_GROUPS_VI).map(([value, vi]) => ({
    value,
    label: groupLabel(lang === 'en' ? (AUDIT_GROUP_LABELS_EN[value] ?? vi) : vi),
  }));
  const actions = Object.keys(AUDIT_ACTION_LABELS_VI)
    .map((value) => ({ value, label: `${actionLabel(value, lang)} · ${value}` }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return [
    { group: titles.groups, items: groups },
    { group: titles.actions, items: actions },
  ];
}

/** `key: value` pairs of the data, one level deep, values shortened; for the table's last column. */
export function summariseData(data: unknown, max = 160): string {
  if (data === null || data === undefined) return '';
  if (typeof data !== 'object' || Array.isArray(data)) return shorten(JSON.stringify(data), max);
  const parts = Object.entries(data as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return shorten(parts.join('; '), max);
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
