/** Document settings of an agency (returns and step days before escalation, unit codes) and signing delegations (TL., TUQ.). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DelegationCreate, DelegationView, DocumentSettings } from '../../../shared/contracts/documents';
import { DEFAULT_ESCALATION, type EscalationSettings } from '../../../shared/domain/documents/workflow';
import { can } from '../../../shared/domain/permissions';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError, invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { agencyTarget } from '../../lib/scope';
import { people, units } from '../org/org.table';
import { documentDelegations, documentSettings } from './documents.table';
import { personOf } from './documents.shared';

export async function settingsOf(db: Db, agencyId: string): Promise<EscalationSettings & { unitCodes: Record<string, string>; version: number }> {
  const [s] = await db.select().from(documentSettings).where(eq(documentSettings.agencyId, agencyId)).limit(1);
  return s
    ? { maxReturns: s.maxReturns, stepDays: s.stepDays, unitCodes: s.unitCodes ?? {}, version: s.version }
    : { ...DEFAULT_ESCALATION, unitCodes: {}, version: 0 };
}

export async function activeDelegation(db: Db, personId: string, agencyId: string, today: string) {
  const [d] = await db
    .select()
    .from(documentDelegations)
    .where(
      and(
        eq(documentDelegations.personId, personId),
        eq(documentDelegations.agencyId, agencyId),
        sql`${documentDelegations.validFrom} <= ${today}`,
        sql`${documentDelegations.validTo} >= ${today}`,
      ),
    )
    .orderBy(desc(documentDelegations.createdAt))
    .limit(1);
  return d ?? null;
}

export async function getSettings(deps: Deps, user: CurrentUser, agencyId: string): Promise<DocumentSettings> {
  const agency = await agencyTarget(deps.db, agencyId);
  if (!can(user, 'document.configure', agency) && !can(user, 'document.read', agency)) throw new AppError('FORBIDDEN');
  const s = await settingsOf(deps.db, agencyId);
  return { agencyId, maxReturns: s.maxReturns, stepDays: s.stepDays, unitCodes: s.unitCodes };
}

export async function putSettings(deps: Deps, user: CurrentUser, input: DocumentSettings): Promise<DocumentSettings> {
  const agency = await agencyTarget(deps.db, input.agencyId);
  if (!can(user, 'document.configure', agency)) throw new AppError('FORBIDDEN', 'Chỉ Văn phòng hoặc Giám đốc cấu hình văn bản của cơ quan.');
  for (const unitId of Object.keys(input.unitCodes)) {
    const [u] = await deps.db.select({ agencyId: units.agencyId }).from(units).where(eq(units.id, unitId)).limit(1);
    if (!u || u.agencyId !== input.agencyId) throw invalid(`body.unitCodes.${unitId}`, `Đơn vị "${unitId}" không thuộc cơ quan.`);
  }
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(documentSettings)
      .values({ agencyId: input.agencyId, maxReturns: input.maxReturns, stepDays: input.stepDays, unitCodes: input.unitCodes, updatedAt: now })
      .onConflictDoUpdate({
        target: documentSettings.agencyId,
        set: {
          maxReturns: input.maxReturns,
          stepDays: input.stepDays,
          unitCodes: input.unitCodes,
          updatedAt: now,
          version: sql`${documentSettings.version} + 1`,
        },
      });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'document.settings_changed',
      entity: 'document_settings',
      entityId: input.agencyId,
      agencyId: input.agencyId,
      data: input,
    });
  });
  return getSettings(deps, user, input.agencyId);
}

export async function createDelegation(deps: Deps, user: CurrentUser, input: DelegationCreate): Promise<DelegationView> {
  const agency = await agencyTarget(deps.db, input.agencyId);
  const [me] = user.personId
    ? await deps.db.select({ position: people.position, agencyId: people.agencyId }).from(people).where(eq(people.id, user.personId))
    : [];
  if (!can(user, 'document.sign', agency) || me?.position !== 'director' || me.agencyId !== input.agencyId)
    throw new AppError('FORBIDDEN', 'Chỉ Giám đốc (người đứng đầu) ủy quyền ký.');
  if (input.validTo < input.validFrom) throw invalid('body.validTo', 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.');
  const p = await personOf(deps.db, input.personId, 'body.personId', input.agencyId);
  if (p.id === user.personId) throw invalid('body.personId', 'Không tự ủy quyền cho chính mình.');
  const now = deps.clock.now();
  const id = newId('dlg');
  await deps.db.transaction(async (tx) => {
    await tx.insert(documentDelegations).values({
      id,
      agencyId: input.agencyId,
      personId: p.id,
      form: input.form,
      validFrom: input.validFrom,
      validTo: input.validTo,
      scope: input.scope,
      createdByUserId: user.userId,
      createdAt: now,
    });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'document.delegation_created',
      entity: 'document_delegation',
      entityId: id,
      agencyId: input.agencyId,
      data: input,
    });
  });
  return {
    id,
    agencyId: input.agencyId,
    personId: p.id,
    fullName: p.fullName,
    form: input.form,
    validFrom: input.validFrom,
    validTo: input.validTo,
    scope: input.scope,
    createdAt: now.toISOString(),
  };
}
