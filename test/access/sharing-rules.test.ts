/**
 * The sharing rules (src/access/sharing-rules.ts) in SQL form and in TypeScript form give the
 * same answers, on random small worlds of organizations (some victim service providers),
 * releases with past, current and future dates, shares, release exceptions, clients and programs.
 */
import { addDays } from '../../src/database/sql-time';
import {
  activeShare,
  activeSharesJoin,
  programVisible,
  programVisibleSql,
  releaseExceptionInForce,
  releaseExceptionSql,
  sharedByReleases,
  sharedByReleasesSql,
} from '../../src/access/sharing-rules';
import { ProjectType } from '../../src/hud';
import { Client } from '../../src/modules/client/client.entity';
import { Organization } from '../../src/modules/organization/organization.entity';
import { Program } from '../../src/modules/program/program.entity';
import {
  InformationRelease,
  InformationReleaseShare,
  ReleaseException,
} from '../../src/modules/admin/information-release.entity';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('sharing-rules');
});
afterAll(async () => db?.destroy());

/** A small deterministic generator, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

const TODAY = '2026-06-15';
const WORLDS = 6;

test.each(Array.from({ length: WORLDS }, (_, i) => i + 1))(
  'world %i: active shares, restrict intake, release exceptions and program visibility agree in SQL and TypeScript',
  async (seed) => {
    const r = rng(seed);
    const ds = db.ds;
    const orgs: Organization[] = [];
    for (let i = 0; i < 4; i++) {
      orgs.push(
        await ds.getRepository(Organization).save({
          code: `S${seed}${i}`,
          name: `Sharing world ${seed} org ${i}`,
          victimServiceProvider: r(3) === 0,
        }),
      );
    }
    const releases: { release: InformationRelease; shares: [number, number][] }[] = [];
    for (let i = 0; i < 4; i++) {
      const start = addDays(TODAY, r(5) - 3);
      const end = r(3) === 0 ? null : addDays(start, r(6) - 1);
      const release = await ds.getRepository(InformationRelease).save({
        number: seed * 100 + i,
        name: `Sharing world ${seed} release ${i}`,
        comments: null,
        startDate: start,
        endDate: end,
      });
      const shares: [number, number][] = [];
      for (const from of orgs)
        for (const to of orgs)
          if (from.id !== to.id && r(3) === 0) {
            shares.push([from.id, to.id]);
            await ds
              .getRepository(InformationReleaseShare)
              .insert({ releaseId: release.id, fromOrganizationId: from.id, toOrganizationId: to.id });
          }
      releases.push({ release, shares });
    }

    for (const to of orgs) {
      // Rule 1: who shares with `to` today.
      const rows: { f: number | string }[] = await ds.query(
        `SELECT DISTINCT sh.from_organization_id AS f FROM organization t ${activeSharesJoin('t.id')} WHERE t.id = ?`,
        [TODAY, TODAY, to.id],
      );
      const sql = rows.map((x) => Number(x.f)).sort((a, b) => a - b);
      const ts = [
        ...new Set(
          releases.flatMap(({ release, shares }) =>
            shares
              .filter(
                ([f, t]) =>
                  t === to.id &&
                  activeShare(
                    release,
                    orgs.find((o) => o.id === f)!,
                    TODAY,
                  ),
              )
              .map(([f]) => f),
          ),
        ),
      ].sort((a, b) => a - b);
      expect([to.id, sql]).toEqual([to.id, ts]);

      // Rule 4: programs visible to `to` given that sharing list.
      const programs = await Promise.all(
        orgs.map((o, i) =>
          ds.getRepository(Program).save({
            organizationId: o.id,
            name: `Sharing world ${seed} program ${to.id}-${i}`,
            projectType: ProjectType.EMERGENCY_SHELTER_ENTRY_EXIT,
            cocCode: 'XX-500',
            operatingStartDate: '2000-01-01',
          }),
        ),
      );
      const ids = programs.map((p) => p.id).join(', ');
      const visible: { id: number | string }[] = await ds.query(
        `SELECT p.id FROM program p WHERE p.id IN (${ids}) AND ${programVisibleSql('p', String(to.id), ts.length ? ts.join(', ') : null)}`,
      );
      const scope = { organizationId: to.id, sharingOrganizationIds: ts };
      expect(visible.map((x) => Number(x.id)).sort((a, b) => a - b)).toEqual(
        programs
          .filter((p) => programVisible(p, scope))
          .map((p) => p.id)
          .sort((a, b) => a - b),
      );
    }

    // Rules 2 and 3: restrict intake and release exceptions in force.
    for (let i = 0; i < 4; i++) {
      const owner = orgs[r(orgs.length)];
      const client = await ds.getRepository(Client).save({
        organizationId: owner.id,
        firstName: 'Sharing',
        lastName: `World ${seed}`,
        restrictIntake: r(2) === 0,
      } as Partial<Client>);
      const to = orgs[r(orgs.length)];
      const validThrough = addDays(TODAY, r(5) - 2);
      await ds
        .getRepository(ReleaseException)
        .insert({ clientId: client.id, organizationId: to.id, validThrough });
      const [row]: { shared: number | string; rx: number | string }[] = await ds.query(
        `SELECT CASE WHEN ${sharedByReleasesSql('c')} THEN 1 ELSE 0 END AS shared,
                CASE WHEN ${releaseExceptionSql('c.id', String(to.id), `'${TODAY}'`)} THEN 1 ELSE 0 END AS rx
           FROM client c WHERE c.id = ?`,
        [client.id],
      );
      expect(Number(row.shared) === 1).toBe(sharedByReleases(client));
      expect(Number(row.rx) === 1).toBe(releaseExceptionInForce({ validThrough }, TODAY));
    }
  },
);

test('a share from a victim service provider never counts, even in an active release', () => {
  const release = { startDate: '2026-01-01', endDate: null };
  expect(activeShare(release, { victimServiceProvider: true }, TODAY)).toBe(false);
  expect(activeShare(release, { victimServiceProvider: false }, TODAY)).toBe(true);
  expect(
    activeShare({ startDate: '2026-07-01', endDate: null }, { victimServiceProvider: false }, TODAY),
  ).toBe(false);
});
