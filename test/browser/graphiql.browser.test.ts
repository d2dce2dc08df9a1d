import 'reflect-metadata';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp } from '../support/app';

/**
 * End-to-end check of the offline GraphiQL page (src/http/graphiql.ts) in Debian's Chromium:
 * the page must load only from our own server, log in with a demo user and then use the
 * remembered token for `me`; a newcomer's first page shows a welcome (no error, no "Error fetching
 * schema"), the Docs pane loads after login, and the page's token wins over a stale header.
 */

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const runInBrowser = existsSync(CHROMIUM_PATH) || process.env.CI === 'true';
if (!runInBrowser) {
  console.warn(`Skipping GraphiQL browser test: ${CHROMIUM_PATH} not found (apt-get install chromium).`);
}
const describeBrowser = runInBrowser ? describe : describe.skip;

const SCREENSHOT = path.join(__dirname, 'screenshots', 'graphiql.png');
const LOGIN =
  'mutation Login { login(username: "sam.shelter", password: "waypoint-demo") { token me { user { username } } } }';
const ME = 'query { me { user { username } activeOrganization { code } } }';

jest.setTimeout(60_000);

type QueryEditor = Element & { CodeMirror?: { setValue(v: string): void; operationName?: string | null } };

/**
 * Replaces the text of the active tab's query editor (the CodeMirror 5 instance hangs off its wrapper
 * element), then waits for GraphiQL's debounced (100 ms) change handler to re-derive the operation name
 * it will send; clicking "run" before that would send the previous operation's name.
 */
async function setQuery(page: Page, text: string, operationName: string | null): Promise<void> {
  const selector = '.graphiql-query-editor .CodeMirror';
  await page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector(selector) as QueryEditor | null;
      if (!el?.CodeMirror) throw new Error('GraphiQL query editor not found');
      el.CodeMirror.setValue(text);
    },
    { selector, text },
  );
  await page.waitForTimeout(150);
  await page.waitForFunction(
    ({ selector, operationName }) =>
      ((document.querySelector(selector) as QueryEditor | null)?.CodeMirror?.operationName ?? null) ===
      operationName,
    { selector, operationName },
    { timeout: 5_000 },
  );
}

/** Clicks the execute button and waits until the result pane's text contains `expected`. */
async function run(page: Page, expected: string): Promise<string> {
  await page.click('.graphiql-execute-button');
  const handle = await page.waitForFunction(
    (needle) => {
      const el = document.querySelector('.result-window .CodeMirror') as
        (Element & { CodeMirror?: { getValue(): string } }) | null;
      const text = el?.CodeMirror?.getValue() ?? document.querySelector('.result-window')?.textContent ?? '';
      return text.includes(needle) ? text : false;
    },
    expected,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as string;
}

describeBrowser('GraphiQL in Chromium (offline assets)', () => {
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    // A fresh database with the demo seeds (SQLite, or DATABASE_URL when the suite runs on MySQL).
    const app = await startTestApp('browser');
    server = { url: app.server.url, close: () => app.close() };
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Simulate an offline administrator workstation: nothing but loopback resolves.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('logs in and queries `me` using only assets served by Waypoint', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });

    const response = await page.goto(`${server.url}/graphiql`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.title()).toBe('Waypoint GraphiQL');
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });

    await setQuery(page, LOGIN, 'Login');
    const loginResult = await run(page, '"token"');
    expect(loginResult).toContain('sam.shelter');

    // No Authorization header typed: the page's fetcher reuses the token from the login response.
    await setQuery(page, ME, null);
    const meText = await run(page, '"activeOrganization"');
    expect(meText).toContain('sam.shelter');
    expect(meText).toContain('HSS');
    const me = JSON.parse(meText) as {
      data: { me: { user: { username: string }; activeOrganization: { code: string } } };
    };
    expect(me.data.me.user.username).toBe('sam.shelter');
    expect(me.data.me.activeOrganization.code).toBe('HSS');

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // Inline data: URLs (fonts, favicon) never touch the network; everything else must be ours.
    const network = requests.filter((url) => !url.startsWith('data:'));
    expect(network.length).toBeGreaterThan(0);
    expect(network.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('greets a newcomer without an error, loads the docs after login, and its own token wins over a stale header', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${server.url}/graphiql`, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20_000 });
    const welcome = await page.waitForSelector('.waypoint-welcome', { timeout: 10_000 });
    expect(await welcome.textContent()).toMatch(/Run the Login tab first/);
    await page.waitForTimeout(500);
    const resultText = (await page.textContent('.result-window')) ?? '';
    expect(resultText).not.toMatch(/error/i);

    await page.click('button[aria-label="Show Documentation Explorer"]');
    const before = (await page.textContent('.graphiql-doc-explorer')) ?? '';
    expect(before).not.toMatch(/Error fetching schema/);

    // A stale Authorization header typed in the Headers tab: the page's own token must win.
    await page.click('button:has-text("Headers")');
    await page.evaluate(() => {
      const headers = document.querySelector(
        '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
      ) as (Element & { CodeMirror?: { setValue(v: string): void } }) | null;
      if (!headers?.CodeMirror) throw new Error('GraphiQL headers editor not found');
      headers?.CodeMirror?.setValue('{"Authorization": "Bearer stale-token-from-yesterday"}');
    });
    await page.waitForTimeout(300);

    await setQuery(page, LOGIN, 'Login');
    expect(await run(page, '"token"')).toContain('sam.shelter');
    await page.waitForSelector('.waypoint-welcome', { state: 'detached', timeout: 10_000 });

    // The Docs pane now shows the schema the session may use.
    await page.waitForFunction(
      () => /Query/.test(document.querySelector('.graphiql-doc-explorer')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const docs = (await page.textContent('.graphiql-doc-explorer')) ?? '';
    expect(docs).not.toMatch(/Error fetching schema/);

    await setQuery(page, 'query { clients(first: 1) { totalCount } }', null);
    expect(await run(page, '"totalCount"')).not.toMatch(/UNAUTHENTICATED/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
