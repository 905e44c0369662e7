/**
 * WFH policies (B1-B4): issuing document, period, scope (agencies with their subtrees, districts),
 * parametric rules (the roster format's `policy` object) with a severity per rule, working hours,
 * registration deadline and reporting times. Every read is scoped (J1), every change audited (J2).
 *
 * Who may do what:
 * - read: a policy is visible when its owner is an agency the user may read (policy.read), or when its
 *   scope covers such an agency (named, through an ancestor, or by district);
 * - manage: policy.manage on the owner agency (Office and Director of the agency, admin of its subtree),
 *   and every scope agency must be one the user may manage; a district scope needs an admin grant over
 *   the owner (it reaches agencies the Office does not manage), and each district must be the district of
 *   an agency in the owner's subtree (a typo would otherwise match nothing, silently).
 */
import { and, desc, eq, inArray, isNotNull, like, or } from 'drizzle-orm';
import { can, scopesFor } from '../../../shared/domain/permissions';
import { vnDateOf } from '../../../shared/domain/dates';
import { describePolicyRules, fullSeverity, policyCrossIssues, policyStatusOn, POLICY_DEFAULTS } from '../../../shared/domain/policy';
import type { Policy } from '../../../shared/domain/roster/format';
import type { PolicyCreate, PolicyEnd, PolicyUpdate, PolicyView } from '../../../shared/contracts/policy';
import type { CurrentUser, Deps } from '../../lib/context';
import type { Db } from '../../db/client';
import { AppError, type ErrorIssue } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget, assertCan, hiddenNotFound } from '../../lib/scope';
import { agencies } from '../org/org.table';
import { policies } from './policy.table';
import { activePolicy, policySpecificity, type PolicyRow } from './policy.resolve';

type AgencyInfo = { id: string; path: string; district: string | null; name: string };

async function agencyInfos(db: Db, ids: Iterable<string>): Promise<Map<string, AgencyInfo>> {
  const list = [...new Set(ids)];
  if (!list.length) return new Map();
  const rows = await db
    .select({ id: agencies.id, path: agencies.path, district: agencies.district, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, list));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Drops null/absent rule fields' `undefined` keys so the stored JSON is exactly what was sent. */
function cleanRules(rules: PolicyCreate['rules']): Policy {
  return JSON.parse(JSON.stringify(rules)) as Policy;
}

export function presentPolicy(p: PolicyRow, ownerName: string, today: string): PolicyView {
  const rules = (p.rules ?? {}) as Policy;
  return {
    id: p.id,
    ownerAgencyId: p.ownerAgencyId,
    ownerAgencyName: ownerName,
    title: p.title,
    docNumber: p.docNumber,
    docDate: p.docDate,
    issuer: p.issuer,
    validFrom: p.validFrom,
    validTo: p.validTo,
    status: policyStatusOn(p, today),
    scopeAgencyIds: p.scopeAgencyIds ?? [],
    scopeDistricts: p.scopeDistricts ?? [],
    rules: rules as PolicyView['rules'],
    severity: fullSeverity(p.severity),
    descriptions: describePolicyRules(rules),
    morningStart: p.morningStart,
    morningEnd: p.morningEnd,
    afternoonStart: p.afternoonStart,
    afternoonEnd: p.afternoonEnd,
    registrationDeadline: p.registrationDeadline,
    registrationLeadDays: p.registrationLeadDays,
    agencyReportTime: p.agencyReportTime,
    provinceReportTime: p.provinceReportTime,
    notes: p.notes,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

async function presentMany(deps: Deps, rows: PolicyRow[]): Promise<PolicyView[]> {
  const owners = await agencyInfos(
    deps.db,
    rows.map((r) => r.ownerAgencyId),
  );
  const today = vnDateOf(deps.clock.now());
  return rows.map((r) => presentPolicy(r, owners.get(r.ownerAgencyId)?.name ?? r.ownerAgencyId, today));
}

/** What the user may read, in the terms a policy's owner and scope are written in. */
interface ReadScope {
  /** Agencies read exactly (agency-reach grants). */
  exact: Set<string>;
  /** Subtrees read (province, admin). */
  paths: string[];
  /** Ids whose subtree contains an agency the user reads: a scope naming one of them covers it. */
  coveringIds: Set<string>;
  /** Districts of the agencies the user reads. */
  districts: Set<string>;
}

async function readScope(db: Db, user: CurrentUser): Promise<ReadScope> {
  const s = scopesFor(user, 'policy.read');
  const exact = new Set(s.agencyIds);
  const coveringIds = new Set<string>();
  const districts = new Set<string>();
  for (const a of (await agencyInfos(db, exact)).values()) {
    for (const id of a.path.split('/').filter(Boolean)) coveringIds.add(id);
    if (a.district) districts.add(a.district);
  }
  for (const p of s.agencyPaths) for (const id of p.split('/').filter(Boolean)) coveringIds.add(id);
  if (s.agencyPaths.length) {
    const rows = await db
      .selectDistinct({ district: agencies.district })
      .from(agencies)
      .where(and(isNotNull(agencies.district), or(...s.agencyPaths.map((p) => like(agencies.path, `${p}%`)))));
    for (const r of rows) if (r.district) districts.add(r.district);
  }
  return { exact, paths: s.agencyPaths, coveringIds, districts };
}

function isVisible(p: PolicyRow, scope: ReadScope, paths: Map<string, AgencyInfo>): boolean {
  const inRead = (id: string) => scope.exact.has(id) || (!!paths.get(id) && scope.paths.some((sp) => paths.get(id)!.path.startsWith(sp)));
  if (inRead(p.ownerAgencyId)) return true;
  for (const id of p.scopeAgencyIds ?? []) if (scope.coveringIds.has(id) || inRead(id)) return true;
  for (const d of p.scopeDistricts ?? []) if (scope.districts.has(d)) return true;
  return false;
}

async function visibleRows(deps: Deps, user: CurrentUser, rows: PolicyRow[]): Promise<PolicyRow[]> {
  const scope = await readScope(deps.db, user);
  const paths = await agencyInfos(
    deps.db,
    rows.flatMap((r) => [r.ownerAgencyId, ...(r.scopeAgencyIds ?? [])]),
  );
  return rows.filter((r) => isVisible(r, scope, paths));
}

export async function listPolicies(deps: Deps, user: CurrentUser, q: { agencyId?: string }): Promise<PolicyView[]> {
  const rows = await deps.db.select().from(policies).orderBy(desc(policies.validFrom), desc(policies.createdAt));
  let visible = await visibleRows(deps, user, rows);
  if (q.agencyId) {
    const target = await agencyTarget(deps.db, q.agencyId);
    if (!user.grants.some((g) => g.agencyId === q.agencyId)) assertCan(user, 'policy.read', target);
    const [agency] = await deps.db.select().from(agencies).where(eq(agencies.id, q.agencyId));
    const owners = await deps.db.select({ id: agencies.id, path: agencies.path }).from(agencies);
    const ownerPath = new Map(owners.map((o) => [o.id, o.path]));
    visible = visible.filter((p) => p.ownerAgencyId === q.agencyId || policySpecificity(p, agency!, ownerPath.get(p.ownerAgencyId)) >= 0);
  }
  return presentMany(deps, visible);
}

/** Changing a policy: 403 when the user sees it (it applies to them) but may not manage it, else the hidden 404. */
async function assertManage(deps: Deps, user: CurrentUser, owner: AgencyInfo, row: PolicyRow): Promise<void> {
  if (can(user, 'policy.manage', { agencyId: owner.id, agencyPath: owner.path })) return;
  if ((await visibleRows(deps, user, [row])).length) throw new AppError('FORBIDDEN');
  throw hiddenNotFound();
}

async function loadPolicy(db: Db, id: string): Promise<PolicyRow> {
  const [row] = await db.select().from(policies).where(eq(policies.id, id));
  if (!row) throw hiddenNotFound();
  return row;
}

export async function getPolicy(deps: Deps, user: CurrentUser, id: string): Promise<PolicyView> {
  const row = await loadPolicy(deps.db, id);
  // A policy the user cannot see answers like a missing one (lib/scope).
  if (!(await visibleRows(deps, user, [row])).length) throw hiddenNotFound();
  return (await presentMany(deps, [row]))[0]!;
}

/** Checks that the user may give the policy this scope; the error lists the path of each bad entry. */
async function assertScope(deps: Deps, user: CurrentUser, owner: AgencyInfo, scopeAgencyIds: string[], scopeDistricts: string[]): Promise<void> {
  if (!scopeAgencyIds.length && !scopeDistricts.length) {
    const message = 'Chọn ít nhất một cơ quan hoặc một địa bàn áp dụng phương án.';
    throw new AppError('VALIDATION', message, { issues: [{ path: 'body.scopeAgencyIds', message }] });
  }
  const infos = await agencyInfos(deps.db, scopeAgencyIds);
  // An agency outside the user's reach and a missing one get the same answer (no names, no probing).
  const outside: ErrorIssue[] = [];
  scopeAgencyIds.forEach((id, i) => {
    const a = infos.get(id);
    if (!a || !can(user, 'policy.manage', { agencyId: a.id, agencyPath: a.path })) {
      outside.push({ path: `body.scopeAgencyIds[${i}]`, message: `Cơ quan có mã "${id}" không có hoặc ngoài phạm vi bạn quản lý.` });
    }
  });
  if (outside.length) throw new AppError('FORBIDDEN', outside[0]!.message, { issues: outside });
  if (scopeDistricts.length) {
    const adminOfOwner = scopesFor(user, 'policy.manage').agencyPaths.some((p) => owner.path.startsWith(p));
    if (!adminOfOwner) {
      const message = 'Chỉ quản trị cấp trên của cơ quan ban hành mới được áp dụng phương án theo địa bàn.';
      throw new AppError('FORBIDDEN', message, { issues: [{ path: 'body.scopeDistricts', message }] });
    }
    const rows = await deps.db
      .selectDistinct({ district: agencies.district })
      .from(agencies)
      .where(and(like(agencies.path, `${owner.path}%`), inArray(agencies.district, scopeDistricts)));
    const known = new Set(rows.map((r) => r.district));
    const unknown: ErrorIssue[] = [];
    scopeDistricts.forEach((d, i) => {
      if (!known.has(d)) unknown.push({ path: `body.scopeDistricts[${i}]`, message: `Không có cơ quan nào thuộc ${owner.name} ở địa bàn "${d}".` });
    });
    if (unknown.length) throw new AppError('VALIDATION', unknown[0]!.message, { issues: unknown });
  }
}

function assertCross(p: PolicyRow): void {
  const issues = policyCrossIssues(p).map((i) => ({ path: `body.${i.path}`, message: i.message }));
  if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, { issues });
}

async function ownerInfo(db: Db, ownerAgencyId: string): Promise<AgencyInfo> {
  const owner = (await agencyInfos(db, [ownerAgencyId])).get(ownerAgencyId);
  // A missing owner answers like an owner outside the user's scope (assertCan below): the hidden 404.
  if (!owner) throw hiddenNotFound();
  return owner;
}

export async function createPolicy(deps: Deps, user: CurrentUser, input: PolicyCreate): Promise<PolicyView> {
  const owner = await ownerInfo(deps.db, input.ownerAgencyId);
  assertCan(user, 'policy.manage', { agencyId: owner.id, agencyPath: owner.path });
  let scopeAgencyIds = input.scopeAgencyIds ?? [];
  const scopeDistricts = input.scopeDistricts ?? [];
  // A policy with no scope applies to its own agency (the usual case: a Sở's plan for itself).
  if (!scopeAgencyIds.length && !scopeDistricts.length) scopeAgencyIds = [owner.id];
  await assertScope(deps, user, owner, scopeAgencyIds, scopeDistricts);
  const id = newId('pol');
  const now = deps.clock.now();
  const values = {
    id,
    ownerAgencyId: owner.id,
    title: input.title,
    docNumber: input.docNumber ?? null,
    docDate: input.docDate ?? null,
    issuer: input.issuer ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo ?? null,
    scopeAgencyIds,
    scopeDistricts,
    rules: cleanRules(input.rules),
    severity: fullSeverity(input.severity),
    morningStart: input.morningStart ?? POLICY_DEFAULTS.morningStart,
    morningEnd: input.morningEnd ?? POLICY_DEFAULTS.morningEnd,
    afternoonStart: input.afternoonStart ?? POLICY_DEFAULTS.afternoonStart,
    afternoonEnd: input.afternoonEnd ?? POLICY_DEFAULTS.afternoonEnd,
    registrationDeadline: input.registrationDeadline ?? null,
    registrationLeadDays: input.registrationLeadDays ?? POLICY_DEFAULTS.registrationLeadDays,
    agencyReportTime: input.agencyReportTime ?? POLICY_DEFAULTS.agencyReportTime,
    provinceReportTime: input.provinceReportTime ?? POLICY_DEFAULTS.provinceReportTime,
    notes: input.notes ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(policies).values(values).returning();
    const { createdAt: _c, updatedAt: _u, ...data } = values;
    await deps.audit(tx, { actorUserId: user.userId, action: 'policy.created', entity: 'policy', entityId: id, agencyId: owner.id, data });
    return presentPolicy(row!, owner.name, vnDateOf(now));
  });
}

export async function updatePolicy(deps: Deps, user: CurrentUser, id: string, input: PolicyUpdate): Promise<PolicyView> {
  const current = await loadPolicy(deps.db, id);
  const owner = await ownerInfo(deps.db, current.ownerAgencyId);
  await assertManage(deps, user, owner, current);
  const { version, ...changes } = input;
  const set: Partial<PolicyRow> = {};
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) (set as Record<string, unknown>)[k] = v;
  if (changes.rules !== undefined) set.rules = cleanRules(changes.rules);
  if (changes.severity !== undefined) set.severity = fullSeverity(changes.severity);
  // Scope: the user must be able to manage the scope the policy ends up with, not only the added part.
  const next = { ...current, ...set } as PolicyRow;
  await assertScope(deps, user, owner, next.scopeAgencyIds ?? [], next.scopeDistricts ?? []);
  assertCross(next);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(policies)
      .set({ ...set, version: version + 1, updatedAt: now })
      .where(and(eq(policies.id, id), eq(policies.version, version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'policy.updated',
      entity: 'policy',
      entityId: id,
      agencyId: owner.id,
      data: { version: row.version, changes: set },
    });
    return presentPolicy(row, owner.name, vnDateOf(now));
  });
}

/** Ends a policy: it applies up to `validTo` included (kept for the history of rosters). */
export async function endPolicy(deps: Deps, user: CurrentUser, id: string, input: PolicyEnd): Promise<PolicyView> {
  const current = await loadPolicy(deps.db, id);
  const owner = await ownerInfo(deps.db, current.ownerAgencyId);
  await assertManage(deps, user, owner, current);
  assertCross({ ...current, validTo: input.validTo });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(policies)
      .set({ validTo: input.validTo, version: input.version + 1, updatedAt: now })
      .where(and(eq(policies.id, id), eq(policies.version, input.version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'policy.ended',
      entity: 'policy',
      entityId: id,
      agencyId: owner.id,
      data: { version: row.version, validTo: input.validTo, previousValidTo: current.validTo },
    });
    return presentPolicy(row, owner.name, vnDateOf(now));
  });
}

/** The policy that applies to an agency on a date (default: today), and how it reaches the agency. */
export async function getActivePolicy(
  deps: Deps,
  user: CurrentUser,
  q: { agencyId: string; date?: string },
): Promise<{ policy: PolicyView | null; match: 'agency' | 'ancestor' | 'district' | null; date: string }> {
  const target = await agencyTarget(deps.db, q.agencyId);
  if (!user.grants.some((g) => g.agencyId === q.agencyId)) assertCan(user, 'policy.read', target);
  const date = q.date ?? vnDateOf(deps.clock.now());
  const [agency] = await deps.db
    .select({ id: agencies.id, path: agencies.path, district: agencies.district })
    .from(agencies)
    .where(eq(agencies.id, q.agencyId));
  const row = await activePolicy(deps.db, agency!, date);
  if (!row) return { policy: null, match: null, date };
  const [owner] = await deps.db.select({ path: agencies.path }).from(agencies).where(eq(agencies.id, row.ownerAgencyId));
  const s = policySpecificity(row, agency!, owner?.path);
  const match = s >= 1000 ? 'agency' : s >= 500 ? 'district' : 'ancestor';
  return { policy: (await presentMany(deps, [row]))[0]!, match, date };
}
