/** Who may do what on one document: reading it, and the roles of the outgoing and incoming workflows. */
import { eq, sql } from 'drizzle-orm';
import { isSecret } from '../../../shared/domain/documents/vocab';
import type { IncomingRole, OutgoingRole } from '../../../shared/domain/documents/workflow';
import { can } from '../../../shared/domain/permissions';
import { todayVn } from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { CurrentUser, Deps } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { agencyTarget } from '../../lib/scope';
import { tasks } from '../tasks/tasks.table';
import { documentTasks } from './documents.table';
import type { DocRow } from './documents.shared';
import { activeDelegation } from './documents.settings';

export interface Access {
  read: boolean;
  outgoing: OutgoingRole[];
  incoming: IncomingRole[];
  /** May issue (cấp số, ban hành, thu hồi). */
  issue: boolean;
  register: boolean;
}

async function taskPeopleOfDoc(db: Db, docId: string): Promise<{ taskId: string; step: string; status: string; assigneeId: string; coordinators: string[] }[]> {
  const rows = await db
    .select({
      taskId: tasks.id,
      step: documentTasks.step,
      status: tasks.status,
      assigneeId: tasks.assigneeId,
      coordinators: sql<unknown>`coalesce((select json_agg(tp.person_id) from task_people tp where tp.task_id = ${tasks.id}), '[]')`,
    })
    .from(documentTasks)
    .innerJoin(tasks, eq(tasks.id, documentTasks.taskId))
    .where(eq(documentTasks.documentId, docId));
  return rows.map((r) => ({ ...r, coordinators: (typeof r.coordinators === 'string' ? JSON.parse(r.coordinators) : r.coordinators) as string[] }));
}

export async function accessOf(deps: Deps, user: CurrentUser, doc: DocRow): Promise<Access> {
  const agency = await agencyTarget(deps.db, doc.agencyId);
  const target = { ...agency, ...(doc.unitId ? { unitId: doc.unitId } : {}) };
  const me = user.personId ?? null;
  const docTasks = await taskPeopleOfDoc(deps.db, doc.id);
  const onTask = !!me && docTasks.some((t) => t.assigneeId === me || t.coordinators.includes(me));
  const secret = isSecret(doc.secrecy);
  const agencyRead = can(user, 'document.read', agency);
  const unitRead = !!doc.unitId && can(user, 'document.read', target);
  const isPerson = (id: string | null) => !!me && id === me;
  // Secret entries: the Office, the agency's leaders and the handler only.
  const read = secret
    ? agencyRead || can(user, 'document.register', agency) || isPerson(doc.handlerPersonId)
    : agencyRead ||
      unitRead ||
      onTask ||
      isPerson(doc.drafterPersonId) ||
      isPerson(doc.signerPersonId) ||
      isPerson(doc.leaderPersonId) ||
      isPerson(doc.handlerPersonId);

  const outgoing: OutgoingRole[] = [];
  const incoming: IncomingRole[] = [];
  const register = can(user, 'document.register', agency);
  const issue = can(user, 'document.issue', agency);
  if (doc.direction === 'out') {
    if (isPerson(doc.drafterPersonId)) outgoing.push('drafter');
    if (doc.unitId && can(user, 'document.review', target)) outgoing.push('unit_head');
    if (can(user, 'document.format', agency) || issue) outgoing.push('office');
    if (me && (doc.signerPersonId === null || doc.signerPersonId === me)) {
      const today = todayVn(deps.clock.now());
      if (can(user, 'document.sign', agency) || (await activeDelegation(deps.db, me, doc.agencyId, today))) outgoing.push('signer');
    }
  } else if (!secret) {
    if (register) incoming.push('office');
    if (isPerson(doc.leaderPersonId) || (can(user, 'document.sign', agency) && can(user, 'task.assign', agency))) incoming.push('director');
    if (doc.unitId && can(user, 'task.assign', target) && docTasks.some((t) => t.step === 'unit' && t.assigneeId === me)) incoming.push('unit_head');
    else if (doc.unitId && can(user, 'document.review', target)) incoming.push('unit_head');
    if (me && doc.handlerPersonId === me) incoming.push('handler');
  }
  return { read, outgoing, incoming, issue, register };
}

export function assertRead(a: Access) {
  if (!a.read) throw new AppError('FORBIDDEN', 'Bạn không có quyền xem văn bản này.');
}
