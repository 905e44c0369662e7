/**
 * Accessibility in a real browser (issue 11, item 8): axe-core (WCAG 2.0/2.1/2.2, A and AA) on every main
 * page of every role of the demo, a few sub-pages (a document, a task, the reports' views, the policy
 * form, the unit roster editor), the personal pages at 360 × 740, the notification bell's popover and a
 * modal dialog. Any serious or critical violation fails with a readable list (page, rule, impact, targets).
 *
 * The pages of a role are read from the menu the app renders, so screens added later are covered. A path
 * already scanned for another role is not scanned again (the same components; the home page of each role
 * is, its cards differ) unless A11Y_ALL=1. One server, one browser, one context per role.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report, scan, settle, type Finding } from './a11y-scan';
import { apiGet, launchBrowser, openAs, startServer, webBuilt, type E2eServer } from './support';

const AGENCY = 'SNV Ninh Thuận';
/** Every role of the demo, the two-factor ones (Giám đốc, Phó Giám đốc, Tổ CNTT, tỉnh, admin) included. */
const ROLES = [
  `Chuyên viên · ${AGENCY}`,
  `Trưởng phòng · ${AGENCY}`,
  `Phó Trưởng phòng · ${AGENCY}`,
  `Chánh Văn phòng · ${AGENCY}`,
  `Văn thư · ${AGENCY}`,
  `Giám đốc · ${AGENCY}`,
  `Phó Giám đốc · ${AGENCY}`,
  `Tổ CNTT · ${AGENCY}`,
  'Cấp tỉnh · Thanh tra Sở Nội vụ',
  'Quản trị hệ thống (admin)',
];
const ALL = process.env.A11Y_ALL === '1';
/** Sub-pages scanned once, by the first role that may open them. */
const SUB_PAGES = ['/reports/daily', '/reports/appendix2', '/reports/dashboard', '/reports/province', '/policies/new'];
const PHONE = { width: 360, height: 740 };

let server: E2eServer;
let browser: Browser;
const scanned = new Set<string>();

beforeAll(async () => {
  expect(webBuilt(), 'build the web app first (npm run test:e2e)').toBe(true);
  server = await startServer('a11y');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${server.base}${path}`);
  await settle(page);
}

/** The menu of the page as rendered (left bar on a desktop). */
async function menuLinks(page: Page): Promise<string[]> {
  await page.locator('nav a[href]').first().waitFor();
  return page.$$eval('nav a[href]', (as) => [...new Set(as.map((a) => a.getAttribute('href') ?? ''))].filter((h) => h.startsWith('/')));
}

/** The first id of a list from the API (or null when the role sees none). */
async function firstId(page: Page, path: string, key: string): Promise<string | null> {
  try {
    const body = await apiGet<Record<string, { id: string }[]>>(page, path);
    return body[key]?.[0]?.id ?? null;
  } catch {
    return null;
  }
}

describe('accessibility (axe-core, WCAG 2.2 AA): no serious or critical violation', () => {
  for (const role of ROLES) {
    it(`every page of the menu of ${role}`, async () => {
      const { context, page, errors } = await openAs(browser, server.base, server.login(role));
      const findings: Finding[] = [];
      try {
        await settle(page);
        const links = await menuLinks(page);
        expect(links.length, 'the menu lists the pages of the role').toBeGreaterThan(0);
        const paths = [...links];
        /** path → the key it is deduplicated by (a record's page: its list's path + "/:id"). */
        const keyOf = new Map<string, string>();
        // A document and a task the role may open, then the views of Báo cáo and the policy form.
        if (links.some((l) => l.startsWith('/documents'))) {
          const id = await firstId(page, '/documents?box=incoming&limit=1', 'documents');
          if (id) paths.push(`/documents/${id}`);
          if (id) keyOf.set(`/documents/${id}`, '/documents/:id');
        }
        if (links.includes('/tasks')) {
          const id = await firstId(page, '/tasks', 'tasks');
          if (id) paths.push(`/tasks/${id}`);
          if (id) keyOf.set(`/tasks/${id}`, '/tasks/:id');
        }
        if (links.includes('/reports')) paths.push(...SUB_PAGES.filter((p) => p.startsWith('/reports')));
        if (links.includes('/policies')) {
          paths.push('/policies/new');
          const id = await firstId(page, '/policies', 'policies');
          if (id) paths.push(`/policies/${id}`);
          if (id) keyOf.set(`/policies/${id}`, '/policies/:id');
        }
        const done: string[] = [];
        for (const path of paths) {
          const key = keyOf.get(path) ?? path;
          if (path !== '/' && scanned.has(key) && !ALL) continue;
          scanned.add(key);
          await visit(page, path);
          findings.push(...(await scan(page, `${role} ${path}`)));
          done.push(key);
        }
        console.log(`a11y ${role}: ${done.join(' ')}`);
      } finally {
        await context.close();
      }
      expect(errors).toEqual([]);
      expect(findings, `axe found serious/critical problems:\n${report(findings)}`).toEqual([]);
    });
  }

  it('the personal pages at 360 × 740 (staff) and the unit roster on a phone (unit head)', async () => {
    const findings: Finding[] = [];
    for (const [role, only] of [
      [`Chuyên viên · ${AGENCY}`, null],
      [`Trưởng phòng · ${AGENCY}`, ['/roster/unit']],
    ] as const) {
      const { context, page } = await openAs(browser, server.base, server.login(role), { viewport: PHONE });
      try {
        await settle(page);
        // The phone's bottom bar holds the personal pages.
        const bottom = await page.$$eval('nav.bottom-bar a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
        expect(bottom.length).toBeGreaterThan(0);
        for (const path of only ?? bottom) {
          await visit(page, path);
          findings.push(...(await scan(page, `${role} ${path} (360 px)`)));
        }
        if (!only) {
          // The menu drawer.
          await page.locator('nav.bottom-bar button').click();
          await page.getByRole('dialog').waitFor();
          findings.push(...(await scan(page, `${role} menu drawer (360 px)`)));
        }
      } finally {
        await context.close();
      }
    }
    expect(findings, `axe found serious/critical problems:\n${report(findings)}`).toEqual([]);
  });

  it('the notification bell popover and a modal dialog', async () => {
    const findings: Finding[] = [];
    const { context, page } = await openAs(browser, server.base, server.login(`Trưởng phòng · ${AGENCY}`));
    try {
      await settle(page);
      const bell = page.locator('header button[aria-haspopup="dialog"]').first();
      await bell.click();
      expect(await bell.getAttribute('aria-expanded')).toBe('true');
      await page.getByRole('dialog').waitFor();
      await settle(page);
      findings.push(...(await scan(page, 'bell popover')));
      await page.keyboard.press('Escape');

      // The unit roster editor's "Sao chép kỳ trước" asks in a modal.
      await visit(page, '/roster/unit');
      await page.getByRole('button', { name: 'Sao chép kỳ trước' }).click();
      await page.getByRole('dialog').waitFor();
      findings.push(...(await scan(page, 'modal "Sao chép kỳ trước"')));
      await page.keyboard.press('Escape');
    } finally {
      await context.close();
    }
    expect(findings, `axe found serious/critical problems:\n${report(findings)}`).toEqual([]);
  });
});
