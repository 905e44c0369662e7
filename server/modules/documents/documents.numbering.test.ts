/**
 * Number allocation under concurrency: two app servers (two separate connection pools on one
 * PostgreSQL) issuing 200 numbers at the same moment get 1..200, no duplicate, no gap; a rolled-back
 * issuance gives its number back; a recall keeps the number, recorded as cancelled with its reason.
 * On PGlite (one connection) the same calls are serialised and give the same result.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openPostgres, type Database } from '../../db/client';
import { createTestDatabase, testDbKind } from '../../../tests/support/test-db';
import { cancelNumbers, issueNumber } from './documents.numbering';
import { documentCounters, documentNumbers } from './documents.table';

let servers: Database[] = [];
let cleanup: () => Promise<void>;

beforeAll(async () => {
  if (testDbKind() === 'pglite') {
    const db = await createTestDatabase();
    servers = [db];
    cleanup = () => db.close();
    return;
  }
  const adminUrl = process.env.CONGVU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `congvu_n_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres(adminUrl, 1);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Two "app servers": separate pools of 10 connections each.
  const one = await openPostgres(url.toString(), 10);
  await migrate(one);
  const two = await openPostgres(url.toString(), 10);
  servers = [one, two];
  cleanup = async () => {
    await one.close();
    await two.close();
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  };
});
afterAll(() => cleanup());

describe('document numbers', () => {
  it('200 concurrent issuances from two servers give 1..200: unique, consecutive, no gap', async () => {
    const at = new Date('2021-07-19T01:00:00Z');
    const jobs = Array.from({ length: 200 }, (_, i) => {
      const db = servers[i % servers.length]!.db;
      return db.transaction((tx) =>
        issueNumber(tx, {
          agencyId: 'snv',
          register: 'di',
          year: 2021,
          documentId: `d${i}`,
          at,
          byUserId: null,
          numberText: (n) => `${n < 10 ? '0' : ''}${n}/SNV-VP`,
        }),
      );
    });
    const got = (await Promise.all(jobs)).map((r) => r.number).sort((a, b) => a - b);
    expect(got).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const rows = await servers[0]!.db
      .select({ number: documentNumbers.number, documentId: documentNumbers.documentId })
      .from(documentNumbers)
      .where(eq(documentNumbers.register, 'di'))
      .orderBy(asc(documentNumbers.number));
    expect(rows.map((r) => r.number)).toEqual(got);
    expect(new Set(rows.map((r) => r.documentId)).size).toBe(200);
  });

  it('a rolled-back issuance leaves no gap; sequences are per register and year', async () => {
    const db = servers[0]!.db;
    const at = new Date('2021-07-19T01:00:00Z');
    await expect(
      db.transaction(async (tx) => {
        await issueNumber(tx, { agencyId: 'snv', register: 'di', year: 2021, documentId: 'failed', at, byUserId: null });
        throw new Error('ký số thất bại');
      }),
    ).rejects.toThrow('ký số thất bại');
    const next = await db.transaction((tx) => issueNumber(tx, { agencyId: 'snv', register: 'di', year: 2021, documentId: 'after', at, byUserId: null }));
    expect(next.number).toBe(201);
    const secret = await db.transaction((tx) => issueNumber(tx, { agencyId: 'snv', register: 'mat_di', year: 2021, documentId: 'mat1', at, byUserId: null }));
    expect(secret.number).toBe(1);
    const newYear = await db.transaction((tx) => issueNumber(tx, { agencyId: 'snv', register: 'di', year: 2022, documentId: 'y2022', at, byUserId: null }));
    expect(newYear.number).toBe(1);
    const [counter] = await db
      .select()
      .from(documentCounters)
      .where(and(eq(documentCounters.agencyId, 'snv'), eq(documentCounters.register, 'di'), eq(documentCounters.year, 2021)));
    expect(counter!.last).toBe(201);
  });

  it('a recalled number stays in the register as cancelled with its reason, and can never be deleted', async () => {
    const db = servers[0]!.db;
    expect(await db.transaction((tx) => cancelNumbers(tx, 'after', 'Thu hồi do sai nội dung', new Date('2021-07-20T01:00:00Z')))).toBe(1);
    const [row] = await db.select().from(documentNumbers).where(eq(documentNumbers.documentId, 'after'));
    expect(row).toMatchObject({ number: 201, status: 'cancelled', reason: 'Thu hồi do sai nội dung' });
    await expect(db.delete(documentNumbers).where(eq(documentNumbers.documentId, 'after'))).rejects.toThrow();
    const next = await db.transaction((tx) =>
      issueNumber(tx, { agencyId: 'snv', register: 'di', year: 2021, documentId: 'x', at: new Date(), byUserId: null }),
    );
    expect(next.number).toBe(202);
  });
});
