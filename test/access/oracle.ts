/**
 * An independent "oracle" for access model §3: the clients an organization may see, computed in
 * plain TypeScript from the raw demo tables by the words of the spec (not with the server's SQL
 * predicates), so list and count results can be compared with what the rules say.
 */
import type { DemoApp } from './helpers';

const TRANSACTION_TABLES = [
  'enrollment',
  'enrollment_exit',
  'service',
  'current_living_situation',
  'assessment',
  'ce_event',
  'health_and_dv',
  // A coordinated entry referral is a transaction of its referring organization (always RESTRICTED).
  'referral',
  'income_benefits',
  'disabilities',
  'employment_education',
  'youth_education_status',
];

const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10));

/**
 * The clients organization `orgId` may see on `today`, by the words of access model §3, computed
 * in TypeScript from the raw tables (not with the server's SQL predicates).
 */
export async function oracleVisibleClientIds(demo: DemoApp, orgId: number, today: string): Promise<number[]> {
  const [clients, orgs, shares, exceptions] = await Promise.all([
    demo.sql('SELECT id, organization_id, restrict_intake, date_deleted FROM client'),
    demo.sql('SELECT id, victim_service_provider FROM organization'),
    demo.sql(
      'SELECT sh.from_organization_id AS f, sh.to_organization_id AS t, r.start_date AS s, r.end_date AS e FROM information_release_share sh JOIN information_release r ON r.id = sh.release_id',
    ),
    demo.sql('SELECT client_id, organization_id, valid_through FROM release_exception'),
  ]);
  const vsp = new Set(orgs.filter((o) => Number(o.victim_service_provider) === 1).map((o) => Number(o.id)));
  const sharesWithA = new Set(
    shares
      .filter(
        (s) =>
          Number(s.t) === orgId &&
          !vsp.has(Number(s.f)) &&
          day(s.s)! <= today &&
          (day(s.e) === null || day(s.e)! >= today),
      )
      .map((s) => Number(s.f)),
  );
  const released = new Set(
    exceptions
      .filter((x) => Number(x.organization_id) === orgId && day(x.valid_through)! >= today)
      .map((x) => Number(x.client_id)),
  );
  const ownsTransaction = new Set<number>();
  const seesTransaction = new Set<number>();
  for (const table of TRANSACTION_TABLES) {
    for (const t of await demo.sql(
      `SELECT client_id, organization_id, restriction, date_deleted FROM ${table}`,
    )) {
      if (t.date_deleted !== null) continue;
      const clientId = Number(t.client_id);
      const owner = Number(t.organization_id);
      if (owner === orgId) ownsTransaction.add(clientId);
      if (
        owner === orgId ||
        (t.restriction === 'UNRESTRICTED' && (sharesWithA.has(owner) || released.has(clientId)))
      )
        seesTransaction.add(clientId);
    }
  }
  return clients
    .filter((c) => {
      if (c.date_deleted !== null) return false;
      const id = Number(c.id);
      const restrictIntake = Number(c.restrict_intake) === 1;
      return (
        Number(c.organization_id) === orgId ||
        ownsTransaction.has(id) ||
        released.has(id) ||
        (!restrictIntake && sharesWithA.has(Number(c.organization_id))) ||
        (!restrictIntake && seesTransaction.has(id))
      );
    })
    .map((c) => Number(c.id))
    .sort((a, b) => a - b);
}
