/** The demo seed writes documents for each demo agency through the documents service. */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app';
import { seedDemoIfEmpty } from '../../db/seed/demo';
import { documentNumbers, documents, documentTasks } from './documents.table';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-25T09:00:00+07:00' });
  await seedDemoIfEmpty(t.deps);
}, 300_000);
afterAll(() => t?.close());

describe('demo documents', () => {
  it('every demo agency has incoming, outgoing and secret entries; numbers are gapless; one document reached another agency', async () => {
    const rows = await t.deps.db.select().from(documents);
    const agencies = [...new Set(rows.map((r) => r.agencyId))];
    expect(agencies.length).toBe(5);
    for (const a of agencies) {
      const mine = rows.filter((r) => r.agencyId === a);
      expect(new Set(mine.map((r) => r.register))).toEqual(new Set(['den', 'di', 'mat_den']));
      expect(new Set(mine.filter((r) => r.direction === 'out').map((r) => r.status))).toEqual(new Set(['draft', 'pending_signature', 'issued']));
      for (const register of ['den', 'di', 'mat_den']) {
        const numbers = (
          await t.deps.db
            .select({ n: documentNumbers.number })
            .from(documentNumbers)
            .where(and(eq(documentNumbers.agencyId, a), eq(documentNumbers.register, register)))
            .orderBy(asc(documentNumbers.number))
        ).map((r) => r.n);
        expect(numbers, `${a} ${register}`).toEqual(numbers.map((_, i) => i + 1));
      }
    }
    expect(rows.filter((r) => r.sourceDocumentId).length).toBe(5);
    expect(rows.filter((r) => r.secrecy !== 'none').every((r) => r.subject === null && r.body === null)).toBe(true);
    expect(rows.some((r) => r.subject === 'V/v triển khai phương án làm việc tại nhà phòng, chống dịch COVID-19')).toBe(true);
    expect((await t.deps.db.select().from(documentTasks).where(isNotNull(documentTasks.taskId))).length).toBeGreaterThanOrEqual(5 * 4);
  });
});
