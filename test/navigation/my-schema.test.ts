/**
 * mySchema is computed from the built schema and the session's capabilities only: memoized per
 * decision (state, capabilities, agency lead), the same answer for two users with the same
 * capabilities, and nothing of the user in it (issue 11).
 */
import 'reflect-metadata';
import { buildSchema as buildSdl, type GraphQLSchema } from 'graphql';
import { AccessContext, type AccessFacts } from '../../src/access/access-context';
import { AccessRole } from '../../src/access/access-role';
import { buildAppSchema } from '../../src/graphql/schema';
import { mySchema } from '../../src/modules/navigation/session-view';
import { WORKGROUP_CAPABILITIES } from '../../seeds/workgroups';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const facts = (userId: number, username: string, capabilities: readonly string[]): AccessFacts => ({
  sessionId: userId * 10,
  userId,
  username,
  assignedRole: AccessRole.AGENCY_STAFF,
  agreementAccepted: true,
  mustChangePassword: false,
  selectedWorkgroupId: 1,
  selectedOrganizationId: 1,
  workgroupIds: [1],
  workgroupCapabilities: [...capabilities],
  assignments: [{ organizationId: 1, canLogin: true, canEdit: true, agencyLead: false }],
  sharingOrganizationIds: [],
  missingTrainings: [],
  today: '2026-01-01',
});

test('two users with the same capabilities get the very same memoized SDL, without their names in it', () => {
  const a = new AccessContext(facts(7, 'first.user', WORKGROUP_CAPABILITIES['HMIS Users']));
  const b = new AccessContext(facts(8, 'second.user', WORKGROUP_CAPABILITIES['HMIS Users']));
  const sdlA = mySchema(schema, a);
  expect(mySchema(schema, b)).toBe(sdlA);
  expect(sdlA).not.toMatch(/first\.user|second\.user/);
  expect(() => buildSdl(sdlA)).not.toThrow();
});

test('different capabilities give a different SDL: the reservation team has no Client.ssn', () => {
  const hmis = mySchema(schema, new AccessContext(facts(1, 'u1', WORKGROUP_CAPABILITIES['HMIS Users'])));
  const srt = mySchema(
    schema,
    new AccessContext(facts(2, 'u2', WORKGROUP_CAPABILITIES['Shelter Reservation Team'])),
  );
  const fieldsOf = (sdl: string) => Object.keys((buildSdl(sdl).getType('Client') as any).getFields());
  expect(fieldsOf(hmis)).toContain('ssn');
  expect(fieldsOf(srt)).not.toContain('ssn');
  expect(fieldsOf(srt)).toContain('ssnLast4');
});
