/**
 * The ClientReach migration fills the reach tables with frozen code of its own (a migration must
 * keep working when the live code changes): on the demo data it stores what the live check
 * expects, so the two definitions agree today.
 */
import { checkClientReach } from '../../src/access/reach';
import { fillClientReach } from '../../src/database/migrations/frozen/1796085612079-client-reach-fill';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('reach_migration');
});
afterAll(() => app?.close());

test("the ClientReach migration's frozen fill stores the reach the live check expects", async () => {
  const ds = app.db.ds;
  const [{ n: sets }] = await ds.query('SELECT COUNT(*) AS n FROM reach_set');
  expect(Number(sets)).toBeGreaterThan(1);
  for (const t of ['visible_client_count', 'client_reach', 'reach_set_organization', 'reach_set'])
    await ds.query(`DELETE FROM ${t}`);
  expect((await checkClientReach(ds.manager)).length).toBeGreaterThan(0);
  const q = ds.createQueryRunner();
  try {
    await fillClientReach(q);
  } finally {
    await q.release();
  }
  expect(await checkClientReach(ds.manager)).toEqual([]);
  const [{ n: counts }] = await ds.query('SELECT COUNT(*) AS n FROM visible_client_count');
  const [{ n: orgs }] = await ds.query('SELECT COUNT(*) AS n FROM organization');
  expect(Number(counts)).toBe(Number(orgs));
});
