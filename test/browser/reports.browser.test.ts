import 'reflect-metadata';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { addDays, localToday } from '../../src/database/sql-time';
import { startTestApp, type TestApp } from '../support/app';

/**
 * The reports dashboard (issue 15) in Debian's Chromium, offline: mina.manager and dara.data log
 * in, the page shows the same numbers as the API for the same user (client counts by month and
 * the data-quality table), suppressed cells as "suppressed" with the default minimum cell size,
 * and nothing is loaded from anywhere but Waypoint. A screenshot is kept (CI artifact, README).
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runInBrowser = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';
const describeBrowser = runInBrowser ? describe : describe.skip;
const SHOTS = path.join(__dirname, 'screenshots');

jest.setTimeout(90_000);

const today = localToday();
const FROM = addDays(today, -365);

const COUNTS = `query($input: ReportInput!) { clientCounts(input: $input) { total someSuppressed cells { count suppressed keys { value } } } }`;
const DQ = `query($input: DataQualityInput!) { dataQuality(input: $input) { problemCount
  programs { programId elements { element withheld complete doesNotKnowOrPrefersNot dataNotCollected missing invalid suppressed } } } }`;
const CATS = ['complete', 'doesNotKnowOrPrefersNot', 'dataNotCollected', 'missing', 'invalid'] as const;

describeBrowser('the reports dashboard in Chromium', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp('browser_reports');
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function open(username: string): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1300, height: 1500 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    const res = await page.goto(`${app.server.url}/reports`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.fill('#username', username);
    await page.fill('#password', app.db.config.seedPassword);
    await page.click('#login-button');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return { page, requests, problems };
  }

  async function pageNumbers(page: Page) {
    return page.evaluate(() => {
      const months = Array.from(document.querySelectorAll('#counts-body tr')).map((tr) => [
        tr.getAttribute('data-month'),
        tr.querySelectorAll('td')[1].textContent,
      ]);
      const dq = Array.from(document.querySelectorAll('#dq-body tr')).map((tr) => [
        `${tr.getAttribute('data-program')}|${tr.getAttribute('data-element')}`,
        Array.from(tr.querySelectorAll('td[data-cat]')).map((td) => td.textContent),
      ]);
      return { months, dq, total: document.getElementById('counts-total')!.textContent };
    });
  }

  async function apiNumbers(username: string) {
    const token = await app.api.loginAs(username);
    const input = { from: FROM, to: today };
    const counts = (await app.api.ok<any>(COUNTS, { input: { ...input, groupBy: ['MONTH'] } }, token))
      .clientCounts;
    const dq = (await app.api.ok<any>(DQ, { input }, token)).dataQuality;
    const shown = (v: number | null, suppressed: boolean) => (suppressed ? 'suppressed' : String(v));
    return {
      months: counts.cells.map((c: any) => [c.keys[0].value, shown(c.count, c.suppressed)]),
      dq: dq.programs.flatMap((p: any) =>
        p.elements.map((e: any) => [
          `${p.programId}|${e.element}`,
          CATS.map((c) => (e.withheld ? 'withheld' : shown(e[c], e.suppressed.includes(c)))),
        ]),
      ),
      total: String(counts.total) + (counts.someSuppressed ? ' (cells shown; some suppressed)' : ''),
    };
  }

  test.each(['mina.manager', 'dara.data'])(
    '%s sees on the page exactly the numbers the API gives her (REPORT_MIN_CELL=0), from Waypoint only',
    async (username) => {
      app.server.config.reportMinCell = 0;
      const { page, requests, problems } = await open(username);
      const got = await pageNumbers(page);
      const want = await apiNumbers(username);
      expect(got).toEqual(want);
      expect(got.months.length).toBeGreaterThan(0);
      expect(got.dq.length).toBeGreaterThan(0);
      expect(got.months.some(([, v]) => v === 'suppressed')).toBe(false);
      mkdirSync(SHOTS, { recursive: true });
      const shot = path.join(SHOTS, `reports-${username}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      // The README's picture: `UPDATE_DOCS_SCREENSHOT=1 npx jest test/browser/reports.browser.test.ts`.
      if (process.env.UPDATE_DOCS_SCREENSHOT && username === 'mina.manager')
        copyFileSync(shot, path.join(__dirname, '..', '..', 'docs', 'reports-dashboard.png'));
      expect(requests.filter((u) => !u.startsWith('data:') && !u.startsWith(`${app.server.url}/`))).toEqual(
        [],
      );
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  test('with the default minimum cell size the page shows suppressed cells as such, as the API does', async () => {
    app.server.config.reportMinCell = 11;
    const { page, problems } = await open('mina.manager');
    const got = await pageNumbers(page);
    expect(got).toEqual(await apiNumbers('mina.manager'));
    const all = [...got.months.map(([, v]) => v), ...got.dq.flatMap(([, v]) => v as string[])];
    expect(all).toContain('suppressed');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'reports-suppressed.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
