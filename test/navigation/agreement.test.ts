/**
 * The End User Agreement as data (issue 11, access model §2.4): readable before acceptance,
 * a new version asks everyone again at their next request, an older version cannot be
 * accepted, and the acceptance (user, version, time) is audited.
 */
import { DemoApp } from '../access/helpers';

const demo = new DemoApp('agreement');

const EUA = '{ endUserAgreement { version text publishedAt accepted acceptedVersion } }';
const CLIENTS = '{ clients(first: 1) { totalCount } }';

test('nora.new reads the agreement before accepting it, then accepts the current version', async () => {
  const nora = await demo.login('nora.new');
  const { endUserAgreement } = await nora.ok(EUA);
  expect(endUserAgreement).toMatchObject({ version: 1, accepted: false, acceptedVersion: null });
  expect(endUserAgreement.text).toMatch(/End User Agreement/);
  expect((await nora.error(CLIENTS)).code).toBe('AGREEMENT_REQUIRED');
  const { acceptEndUserAgreement } = await nora.ok(
    'mutation { acceptEndUserAgreement(version: 1) { state } }',
  );
  expect(acceptEndUserAgreement.state).toBe('READY');
  expect((await nora.ok(EUA)).endUserAgreement).toMatchObject({ accepted: true, acceptedVersion: 1 });
});

test('publishing a new version makes every user NEEDS_AGREEMENT at the next request; an older version is refused; acceptance is audited', async () => {
  const olga = await demo.login('olga.outreach');
  const sam = await demo.login('sam.shelter');
  expect((await olga.ok(CLIENTS)).clients.totalCount).toBeGreaterThan(0);
  const admin = await demo.login('admin');
  const published = await admin.ok(
    'mutation($t: String!) { publishEndUserAgreement(text: $t) { version accepted } }',
    { t: '# Agreement v2\n\nNew terms.' },
  );
  expect(published.publishEndUserAgreement).toEqual({ version: 2, accepted: false });

  const e = await olga.error(CLIENTS);
  expect(e.code).toBe('AGREEMENT_REQUIRED');
  expect((await olga.ok('{ me { state } }')).me.state).toBe('NEEDS_AGREEMENT');
  expect((await olga.ok(EUA)).endUserAgreement).toMatchObject({
    version: 2,
    accepted: false,
    acceptedVersion: 1,
  });

  const old = await olga.error('mutation { acceptEndUserAgreement(version: 1) { state } }');
  expect(old.code).toBe('BAD_USER_INPUT');
  expect(old.message).toMatch(/^version: version 1 is no longer current/);
  const future = await olga.error('mutation { acceptEndUserAgreement(version: 3) { state } }');
  expect(future.code).toBe('BAD_USER_INPUT');
  expect((await olga.error(CLIENTS)).code).toBe('AGREEMENT_REQUIRED');

  expect(
    (await olga.ok('mutation { acceptEndUserAgreement(version: 2) { state } }')).acceptEndUserAgreement.state,
  ).toBe('READY');
  expect((await olga.ok(CLIENTS)).clients.totalCount).toBeGreaterThan(0);
  // Omitted: the current version (today's clients keep working).
  expect((await sam.ok('mutation { acceptEndUserAgreement { state } }')).acceptEndUserAgreement.state).toBe(
    'READY',
  );

  // The administrator who published must accept too before reading the audit log.
  expect((await admin.error('{ auditEvents { totalCount } }')).code).toBe('AGREEMENT_REQUIRED');
  await admin.ok('mutation { acceptEndUserAgreement(version: 2) { state } }');
  const audit = await admin.ok(
    `query($u: ID) { auditEvents(filter: { operation: "acceptEndUserAgreement", userId: $u }) { edges { node { userId at after } } } }`,
    { u: String(demo.ids.users['olga.outreach']) },
  );
  expect(audit.auditEvents.edges).toHaveLength(1);
  expect(audit.auditEvents.edges[0].node.after).toMatchObject({ agreementVersion: 2 });
  const publishedEvents = await admin.ok(
    '{ auditEvents(filter: { operation: "publishEndUserAgreement" }) { totalCount } }',
  );
  expect(publishedEvents.auditEvents.totalCount).toBe(1);
});

test('only an administrator may publish, and empty text is refused', async () => {
  const sam = await demo.login('sam.shelter');
  await sam.ok('mutation { acceptEndUserAgreement { state } }');
  expect((await sam.error('mutation { publishEndUserAgreement(text: "x") { version } }')).code).toBe(
    'FORBIDDEN',
  );
  const admin = await demo.login('admin');
  await admin.ok('mutation { acceptEndUserAgreement { state } }');
  const e = await admin.error('mutation { publishEndUserAgreement(text: "  ") { version } }');
  expect(e.code).toBe('BAD_USER_INPUT');
  expect(e.message).toMatch(/^text:/);
});
