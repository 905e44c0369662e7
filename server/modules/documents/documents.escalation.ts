/** Escalation of outgoing documents to the Director (too many returns, a step waiting past its deadline), once per cause. */
import { and, eq, inArray } from 'drizzle-orm';
import {
  escalationReasons,
  ESCALATION_REASON_LABELS_VI,
  OUTGOING_STATUS_LABELS_VI,
  type EscalationReason,
  type EscalationSettings,
  type OutgoingStatus,
} from '../../../shared/domain/documents/workflow';
import { todayVn } from '../../../shared/domain/tasks';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/context';
import { jobRuns } from '../jobs/jobs.table';
import { notify } from '../notifications/notify';
import { documents } from './documents.table';
import { type DocRow, addEvent, directorsOf } from './documents.shared';
import { settingsOf } from './documents.settings';

/**
 * The escalation of a document to the Director for one cause, exactly once (a `job_runs` key per
 * document, cause and occurrence). Call inside a transaction. Returns true when it notified.
 */
export async function escalateOnce(tx: Db, deps: Deps, doc: DocRow, reason: EscalationReason, occurrence: string, at: Date): Promise<boolean> {
  const key = `document-escalation:${doc.id}:${reason}:${occurrence}`;
  const claimed = await tx
    .insert(jobRuns)
    .values({ key, startedAt: at, finishedAt: at, result: 'notified' })
    .onConflictDoNothing()
    .returning({ key: jobRuns.key });
  if (!claimed.length) return false;
  await tx.update(documents).set({ escalated: true }).where(eq(documents.id, doc.id));
  await addEvent(tx, doc, {
    at,
    kind: 'escalated',
    from: doc.status,
    to: doc.status,
    reason: ESCALATION_REASON_LABELS_VI[reason],
    data: { reason, returnCount: doc.returnCount },
  });
  const directors = await directorsOf(tx, doc.agencyId);
  const what =
    reason === 'returns'
      ? `bị trả lại ${doc.returnCount} lần`
      : `chờ quá hạn ở bước "${OUTGOING_STATUS_LABELS_VI[doc.status as OutgoingStatus] ?? doc.status}"`;
  await notify(tx, deps.clock, {
    personIds: directors,
    kind: 'document.escalated',
    title: `Văn bản cần Giám đốc cho ý kiến: ${doc.subject ?? ''}`,
    body: `Dự thảo ${what}.`,
    link: `/documents/${doc.id}`,
    email: true,
  });
  await deps.audit(tx, { action: 'document.escalated', entity: 'document', entityId: doc.id, agencyId: doc.agencyId, data: { reason, occurrence } });
  return true;
}

/**
 * The escalation check of the scheduler: every outgoing document waiting past its step deadline (or
 * returned too often) is escalated to the Director once per cause and occurrence, across app servers.
 */
export async function checkEscalations(deps: Deps, opts: { agencyId?: string } = {}): Promise<number> {
  const now = deps.clock.now();
  const today = todayVn(now);
  const rows = await deps.db
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.direction, 'out'),
        eq(documents.secrecy, 'none'),
        inArray(documents.status, ['returned', 'pending_initial', 'pending_format', 'pending_signature', 'signed']),
        opts.agencyId ? eq(documents.agencyId, opts.agencyId) : undefined,
      ),
    );
  const settingsCache = new Map<string, EscalationSettings>();
  let sent = 0;
  for (const r of rows) {
    let s = settingsCache.get(r.agencyId);
    if (!s) settingsCache.set(r.agencyId, (s = await settingsOf(deps.db, r.agencyId)));
    const entered = r.stepEnteredAt ?? r.updatedAt;
    const reasons = escalationReasons(
      { status: r.status as OutgoingStatus, returnCount: r.returnCount, stepEnteredOn: todayVn(entered), dueDate: r.dueDate },
      s,
      today,
    );
    for (const reason of reasons) {
      const occurrence = reason === 'returns' ? String(r.returnCount) : `${r.status}:${entered.toISOString()}`;
      if (await deps.db.transaction((tx) => escalateOnce(tx, deps, r, reason, occurrence, now))) sent++;
    }
  }
  return sent;
}
