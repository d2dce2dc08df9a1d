import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('soft_delete_cascade');
});
afterAll(() => app?.close());

const ENROLLMENT = 'query($id: ID!) { enrollment(id: $id) { id version } }';
const SERVICE = 'query($id: ID!) { service(id: $id) { id } }';

describe('soft deletes keep the record tree consistent', () => {
  it('deleting an enrollment takes its services with it, so none stays reachable on its own', async () => {
    const token = await app.api.loginAs('mina.manager');
    const enrollmentId = String(app.ids.enrollments['Jamie Fox/ES']);
    const serviceId = String(app.ids.services['Jamie Fox/ES'][0]);
    expect((await app.api.ok(SERVICE, { id: serviceId }, token)).service).not.toBeNull();
    const { enrollment } = await app.api.ok(ENROLLMENT, { id: enrollmentId }, token);
    await app.api.ok(
      'mutation($i: DeleteInput!) { deleteEnrollment(input: $i) }',
      { i: { id: enrollmentId, version: enrollment.version } },
      token,
    );
    expect((await app.api.ok(ENROLLMENT, { id: enrollmentId }, token)).enrollment).toBeNull();
    expect((await app.api.ok(SERVICE, { id: serviceId }, token)).service).toBeNull();
    const [{ n }] = await app.db.ds.query(
      'SELECT COUNT(*) AS n FROM service WHERE enrollment_id = ? AND date_deleted IS NULL',
      [Number(enrollmentId)],
    );
    expect(Number(n)).toBe(0);
  });

  it('a client that still has records cannot be deleted (CONFLICT), and nothing changes', async () => {
    const token = await app.api.loginAs('mina.manager');
    const id = String(app.ids.clients['Alex Rivera']);
    const { client } = await app.api.ok('query($id: ID!) { client(id: $id) { version } }', { id }, token);
    const codes = await app.api.codes(
      'mutation($i: DeleteInput!) { deleteClient(input: $i) }',
      { i: { id, version: client.version } },
      token,
    );
    expect(codes).toEqual(['CONFLICT']);
    expect(
      (await app.api.ok('query($id: ID!) { client(id: $id) { id } }', { id }, token)).client,
    ).not.toBeNull();
  });
});
