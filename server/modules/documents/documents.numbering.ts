/**
 * Number allocation per NĐ 30 (Điều 15, 22.2): one sequence per agency, register and calendar year
 * (Asia/Ho_Chi_Minh), starting at 01 on 1 January. The counter row is incremented by one statement
 * (`INSERT … ON CONFLICT DO UPDATE SET last = last + 1 RETURNING last`) inside the issuing transaction:
 * the row lock serialises concurrent issuers (several app servers on one PostgreSQL), so numbers are
 * consecutive and unique, and a rolled-back transaction gives its number back (no gap). A number that was
 * given and then cancelled stays in `document_numbers` with status `cancelled` and its reason.
 * notationFor composes the ký hiệu of an outgoing document (agency code, and unit code for a công văn).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { documentCounters, documentNumbers } from './documents.table';
import { composeNotation, defaultUnitCode } from '../../../shared/domain/documents/numbering';
import { DOC_TYPES, type DocType } from '../../../shared/domain/documents/vocab';
import { units } from '../org/org.table';
import { settingsOf } from './documents.settings';
import { agencyRow } from './documents.shared';

export async function allocateNumber(tx: Db, agencyId: string, register: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ agencyId, register, year, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.agencyId, documentCounters.register, documentCounters.year],
      set: { last: sql`${documentCounters.last} + 1` },
    })
    .returning({ last: documentCounters.last });
  return row!.last;
}

/** Allocates the next number and records it in the register of numbers given. */
export async function issueNumber(
  tx: Db,
  o: { agencyId: string; register: string; year: number; documentId: string; at: Date; byUserId: string | null; numberText?: (n: number) => string | null },
): Promise<{ number: number; numberText: string | null }> {
  const number = await allocateNumber(tx, o.agencyId, o.register, o.year);
  const numberText = o.numberText ? o.numberText(number) : null;
  await tx.insert(documentNumbers).values({
    agencyId: o.agencyId,
    register: o.register,
    year: o.year,
    number,
    documentId: o.documentId,
    numberText,
    status: 'issued',
    at: o.at,
    byUserId: o.byUserId,
  });
  return { number, numberText };
}

/** Marks the numbers of a document cancelled (thu hồi), keeping them in the register with the reason. */
export async function cancelNumbers(tx: Db, documentId: string, reason: string, at: Date): Promise<number> {
  const rows = await tx
    .update(documentNumbers)
    .set({ status: 'cancelled', reason, cancelledAt: at })
    .where(and(eq(documentNumbers.documentId, documentId), eq(documentNumbers.status, 'issued')))
    .returning({ n: documentNumbers.number });
  return rows.length;
}

/** The ký hiệu an outgoing document of the agency gets (agency code, and unit code for a công văn). */
export async function notationFor(db: Db, agencyId: string, docType: DocType, unitId: string | null): Promise<string> {
  return notationOf(db, await agencyRow(db, agencyId), docType, unitId);
}

export async function notationOf(db: Db, agency: { id: string; code: string | null; name: string }, docType: DocType, unitId: string | null): Promise<string> {
  const settings = await settingsOf(db, agency.id);
  const agencyCode = agency.code || defaultUnitCode(agency.name);
  let unitCode: string | null = null;
  if (!DOC_TYPES[docType].code && unitId) {
    unitCode = settings.unitCodes[unitId] ?? null;
    if (!unitCode) {
      const [u] = await db.select({ name: units.name, kind: units.kind }).from(units).where(eq(units.id, unitId)).limit(1);
      unitCode = u ? defaultUnitCode(u.name, u.kind) : 'VP';
    }
  }
  return composeNotation({ docType, agencyCode, unitCode });
}
