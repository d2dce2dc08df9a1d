/**
 * The duplicate queue a page at a time (duplicateQueue, access model §11): on the demo scenario
 * plus a generated crowd of look-alike clients spread over the demo organizations (a victim
 * service provider among them), paging walks exactly the unpaged queue, and a page costs the
 * same statements however many pages the queue has. Some generated clients sit far along the ids,
 * so the walk crosses empty pages.
 */
import 'reflect-metadata';
import { StatementLog } from '../bench/statement-log';
import { startTestApp, type TestApp } from '../support/app';
import { Caller, HOME } from '../access/helpers';
import { refreshClientReach } from '../../src/access/reach';
import { Client } from '../../src/modules/client/client.entity';
import { refreshMatchKeys } from '../../src/modules/stewardship/match-keys';
import {
  LIKELY_DUPLICATE_SCORE,
  matchKeys,
  scoreMatch,
  type Identity,
} from '../../src/modules/stewardship/matcher';

const statements = new StatementLog();
let app: TestApp;
let admin: Caller;

const QUEUE = `query DuplicateQueuePage($first: Int, $after: String) {
  duplicateQueue(first: $first, after: $after) {
    edges { cursor node { score reasons first { id } second { id } } }
    pageInfo { hasNextPage endCursor } } }`;

interface Page {
  edges: Array<{ cursor: string; node: { score: number; first: { id: string }; second: { id: string } } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const FIRST = ['Maria', 'Mary', 'Marie', 'Jon', 'John', 'Johnny', 'Alex', 'Alexander', 'Robin', 'Robyn'];
const LAST = ['Rivera', 'Riviera', 'Smith', 'Smyth', 'Hayes', 'Hays'];
const DOBS = ['1980-01-02', '1980-02-01', '1975-06-15', '1990-11-30', '1962-03-04'];

/** A small deterministic generator (the data set is the same on every run). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

beforeAll(async () => {
  app = await startTestApp('duplicate-queue', { logger: statements });
  const r = lcg(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const ssns = Array.from({ length: 25 }, (_, i) => String(412000000 + i * 7919).padStart(9, '0'));
  const orgs = ['HSS', 'NSO', 'CCE', 'SHD', 'ADM'].map((code) => app.ids.orgs[code as 'HSS']);
  const repo = app.db.ds.getRepository(Client);
  const rows = Array.from({ length: 160 }, () =>
    repo.create({
      organizationId: pick(orgs),
      createdById: null,
      updatedById: null,
      dateDeleted: null,
      firstName: pick(FIRST),
      lastName: pick(LAST),
      dob: r() < 0.85 ? pick(DOBS) : null,
      ssn: r() < 0.6 ? pick(ssns) : null,
      restrictIntake: r() < 0.15,
    }),
  );
  // The last 40 far along the ids, past an empty stretch wider than a page's scan of ids.
  rows.slice(-40).forEach((row, i) => (row.id = 40_000 + i));
  const saved = await repo.save(rows);
  const ids = saved.map((c) => c.id);
  // A few deleted clients: their keys go, as a delete does.
  await repo.update(
    ids.filter((_, i) => i % 23 === 0),
    { dateDeleted: new Date() },
  );
  await app.db.ds.transaction(async (m) => {
    await refreshClientReach(m, ids);
    await refreshMatchKeys(m, ids);
  });
  admin = new Caller(app.api, await app.api.loginAs('admin', HOME.admin), 'admin');
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** Walks the whole queue with page size `first`; the statements of each page. */
async function walk(first: number) {
  const pages: Page[] = [];
  const counts: number[] = [];
  let after: string | null = null;
  for (let i = 0; i < 500; i++) {
    statements.start();
    let page: Page;
    try {
      page = (await admin.ok<{ duplicateQueue: Page }>(QUEUE, { first, after })).duplicateQueue;
    } finally {
      counts.push(statements.stop().length);
    }
    pages.push(page);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.pageInfo.endCursor).toBeTruthy();
    after = page.pageInfo.endCursor;
  }
  const pairs = pages.flatMap((p) => p.edges.map((e) => [Number(e.node.first.id), Number(e.node.second.id)]));
  return { pages, counts, pairs };
}

/**
 * The unpaged queue, worked out apart from the service: every client the administrator can see
 * (the clients list), filed under its blocking keys in TypeScript, every pair sharing a key
 * scored, in client order.
 */
async function unpagedQueue(): Promise<number[][]> {
  const visible: number[] = [];
  let after: string | null = null;
  for (;;) {
    const { clients }: { clients: any } = await admin.ok<any>(
      `query($after: String) { clients(first: 500, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    visible.push(...clients.edges.map((e: any) => Number(e.node.id)));
    if (!clients.pageInfo.hasNextPage) break;
    after = clients.pageInfo.endCursor;
  }
  const rows: Array<Record<string, any>> = await app.db.ds.query(
    `SELECT id, first_name, last_name, dob, ssn FROM client WHERE id IN (${visible.join(', ')}) ORDER BY id`,
  );
  const identity = (row: Record<string, any>): Identity => ({
    firstName: row.first_name,
    lastName: row.last_name,
    dob: row.dob === null ? null : String(row.dob).slice(0, 10),
    ssn: row.ssn,
  });
  const byKey = new Map<string, Array<Record<string, any>>>();
  for (const row of rows)
    for (const k of matchKeys(identity(row))) {
      const key = `${k.kind}:${k.value}`;
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
  const pairs = new Map<string, number[]>();
  for (const group of byKey.values())
    for (const a of group)
      for (const b of group)
        if (
          Number(a.id) < Number(b.id) &&
          scoreMatch(identity(a), identity(b)).score >= LIKELY_DUPLICATE_SCORE
        )
          pairs.set(`${a.id}-${b.id}`, [Number(a.id), Number(b.id)]);
  return [...pairs.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

describe('duplicate queue (duplicateQueue)', () => {
  test('paging walks exactly the unpaged queue, in client order, never a pair twice, never a hidden client', async () => {
    const expected = await unpagedQueue();
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.some(([a]) => a >= 40_000)).toBe(true);
    const small = await walk(7);
    expect(small.pages.length).toBeGreaterThan(10);
    expect(small.pages.some((p) => p.edges.length === 0 && p.pageInfo.hasNextPage)).toBe(true);
    expect(small.pairs).toEqual(expected);
    const large = await walk(200);
    expect(large.pairs).toEqual(expected);
    const safeHarbor: Array<{ id: number | string }> = await app.db.ds.query(
      `SELECT id FROM client WHERE organization_id = ?`,
      [app.ids.orgs.SHD],
    );
    expect(safeHarbor.length).toBeGreaterThan(10);
    const ids = new Set(small.pairs.flat());
    for (const c of safeHarbor) expect(ids.has(Number(c.id))).toBe(false);
    // Each edge's cursor reads on right after its pair.
    const page = small.pages[2];
    const { duplicateQueue: next } = await admin.ok<{ duplicateQueue: Page }>(QUEUE, {
      first: 3,
      after: page.edges[1].cursor,
    });
    expect(next.edges.map((e) => e.node.first.id + '-' + e.node.second.id)).toEqual(
      page.edges.slice(2, 5).map((e) => e.node.first.id + '-' + e.node.second.id),
    );
  });

  test('a page sends the same SQL statements whether the queue is one page or many, first or later', async () => {
    const small = await walk(7);
    const large = await walk(200);
    const full = [...small.pages, ...large.pages]
      .map((p, i) => ({ p, n: [...small.counts, ...large.counts][i] }))
      .filter(({ p }) => p.edges.length > 0)
      .map(({ n }) => n);
    expect(full.length).toBeGreaterThan(10);
    expect(new Set(full).size).toBe(1);
  });

  test('the read audit names the clients of the page, not the candidates it skipped', async () => {
    const { duplicateQueue: page } = await admin.ok<{ duplicateQueue: Page }>(QUEUE, { first: 2 });
    const shown = [
      ...new Set(page.edges.flatMap((e) => [Number(e.node.first.id), Number(e.node.second.id)])),
    ];
    const [event] = await app.db.ds.query(
      `SELECT client_ids FROM audit_event WHERE action = 'READ' AND operation = 'DuplicateQueuePage' ORDER BY id DESC LIMIT 1`,
    );
    const audited = typeof event.client_ids === 'string' ? JSON.parse(event.client_ids) : event.client_ids;
    expect(audited.map(Number)).toEqual(shown.sort((a, b) => a - b));
  });

  test('bad paging input is BAD_USER_INPUT naming the argument', async () => {
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 201 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from('["x",1]').toString('base64url') }, 'after'],
      [{ after: Buffer.from('[-1,1]').toString('base64url') }, 'after'],
    ] as const) {
      const e = await admin.error(QUEUE, variables);
      expect(e.code).toBe('BAD_USER_INPUT');
      expect(e.extensions.field).toBe(field);
      expect(e.message).not.toMatch(/\bat .*\.ts:\d+/);
    }
  });

  test('without client:merge the queue is FORBIDDEN', async () => {
    const mina = new Caller(app.api, await app.api.loginAs('mina.manager', HOME['mina.manager']), 'mina');
    expect((await mina.error(`{ duplicateQueue { edges { cursor } } }`)).code).toBe('FORBIDDEN');
  });
});
