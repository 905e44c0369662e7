/** Task attachments: adding a file (at most 10 MB, stored with its SHA-256) and reading it back. */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { TaskAttachmentView } from '../../../shared/contracts/tasks';
import { TASK_ATTACHMENT_MAX_BYTES } from '../../../shared/contracts/tasks';
import type { CurrentUser, Deps } from '../../lib/context';
import { invalid } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hiddenNotFound } from '../../lib/scope';
import { people } from '../org/org.table';
import { accessOf, actingPerson, assertRead, coordinatorIdsOf, loadTask, presentAttachment, recordAction } from './tasks.service';
import { taskAttachments } from './tasks.table';

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A file name without folders or control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .normalize('NFC')
    .trim();
  return (base || 'tep-dinh-kem').slice(-200);
}

export async function addAttachment(deps: Deps, user: CurrentUser, id: string, file: UploadedFile): Promise<TaskAttachmentView> {
  const task = await loadTask(deps.db, id);
  const coordinators = await coordinatorIdsOf(deps.db, id);
  const access = await accessOf(deps.db, user, task, coordinators);
  assertRead(user, access);
  const personId = actingPerson(user);
  if (file.bytes.length === 0) throw invalid('body.file', 'Tệp đính kèm rỗng (0 byte).');
  if (file.bytes.length > TASK_ATTACHMENT_MAX_BYTES) throw invalid('body.file', 'Tệp đính kèm vượt quá 10 MB.');
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  // Sent as base64 and decoded by the database: a bytea parameter is several times slower in PGlite.
  const now = deps.clock.now();
  const fileName = safeFileName(file.name);
  const mimeType = /^[\w.+-]+\/[\w.+-]+$/.test(file.type) ? file.type.toLowerCase() : 'application/octet-stream';
  const attachmentId = newId('att');
  await deps.db.transaction(async (tx) => {
    await tx.insert(taskAttachments).values({
      id: attachmentId,
      taskId: id,
      personId,
      fileName,
      mimeType,
      size: file.bytes.length,
      sha256,
      content: sql`decode(${Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64')}, 'base64')`,
      createdAt: now,
    });
    await recordAction(tx, task, personId, now, 'attach', fileName, { attachmentId, size: file.bytes.length, sha256 });
    await deps.audit(tx, {
      actorUserId: user.userId,
      action: 'task.attachment_added',
      entity: 'task',
      entityId: id,
      agencyId: task.agencyId,
      data: { attachmentId, fileName, size: file.bytes.length, sha256 },
    });
  });
  const [p] = await deps.db.select({ fullName: people.fullName }).from(people).where(eq(people.id, personId));
  return presentAttachment({ id: attachmentId, fileName, mimeType, size: file.bytes.length, sha256, personId, createdAt: now }, p?.fullName ?? null);
}

export async function getAttachment(
  deps: Deps,
  user: CurrentUser,
  id: string,
  attachmentId: string,
): Promise<{ fileName: string; mimeType: string; sha256: string; content: Buffer }> {
  const task = await loadTask(deps.db, id);
  const access = await accessOf(deps.db, user, task, await coordinatorIdsOf(deps.db, id));
  assertRead(user, access);
  const [a] = await deps.db
    .select({
      fileName: taskAttachments.fileName,
      mimeType: taskAttachments.mimeType,
      sha256: taskAttachments.sha256,
      content: sql<string>`encode(${taskAttachments.content}, 'base64')`,
    })
    .from(taskAttachments)
    .where(and(eq(taskAttachments.id, attachmentId), eq(taskAttachments.taskId, id)))
    .limit(1);
  if (!a) throw hiddenNotFound();
  return { fileName: a.fileName, mimeType: a.mimeType, sha256: a.sha256, content: Buffer.from(a.content, 'base64') };
}
