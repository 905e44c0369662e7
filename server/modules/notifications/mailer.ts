/**
 * Sends the e-mail outbox through SMTP (J3). One worker at a time takes a batch with
 * `FOR UPDATE SKIP LOCKED`, so several app servers never send a message twice; a failure is retried
 * with a growing delay, up to 8 attempts.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Deps } from '../../lib/context';
import { emailOutbox } from './notifications.table';

const MAX_ATTEMPTS = 8;

/**
 * A link of the app written on its own line ("/tasks/t1", as notifications store them) made absolute with
 * the public address, so that it opens from a mail client; other lines are left as they are.
 */
export function absoluteLinks(text: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return text.replace(/^\/(?!\/)\S*$/gm, (link) => `${base}${link}`);
}

export function createTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

export async function sendPendingEmails(deps: Deps, transport: Transporter, opts: { batch?: number } = {}): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const batch = await tx
      .select()
      .from(emailOutbox)
      .where(and(isNull(emailOutbox.sentAt), lte(emailOutbox.nextAttemptAt, now), sql`${emailOutbox.attempts} < ${MAX_ATTEMPTS}`))
      .orderBy(asc(emailOutbox.createdAt))
      .limit(opts.batch ?? 20)
      .for('update', { skipLocked: true });
    for (const mail of batch) {
      try {
        await transport.sendMail({
          from: deps.config.MAIL_FROM,
          to: mail.to,
          subject: mail.subject,
          text: absoluteLinks(mail.text, deps.config.PUBLIC_URL),
          attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
        await tx
          .update(emailOutbox)
          .set({ sentAt: deps.clock.now(), attempts: mail.attempts + 1, lastError: null })
          .where(eq(emailOutbox.id, mail.id));
        sent++;
      } catch (err) {
        const delayMs = 60_000 * 2 ** mail.attempts;
        await tx
          .update(emailOutbox)
          .set({
            attempts: mail.attempts + 1,
            lastError: (err instanceof Error ? err.message : String(err)).slice(0, 500),
            nextAttemptAt: new Date(now.getTime() + delayMs),
          })
          .where(eq(emailOutbox.id, mail.id));
        failed++;
      }
    }
  });
  return { sent, failed };
}
