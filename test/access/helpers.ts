/**
 * Shared fixtures for the access-model specs (/work/shared/spec/access-model.md): a demo app per
 * spec file, callers logged in as demo users, GraphQL documents and lookups by name. The §3
 * oracle is in oracle.ts, the generic root operations in operations.ts.
 */
import type { Api, GraphQLResponse } from '../support/api';
import { startTestApp, type DemoIds, type TestApp } from '../support/app';
import { hashToken } from '../../src/auth/tokens';

export type OrgCode = 'HSS' | 'NSO' | 'CCE' | 'SHD' | 'ADM';
export type WorkgroupName =
  | 'HMIS Users'
  | 'Emergency Shelter Staff'
  | 'Shelter Reservation Team'
  | 'Coordinated Entry Assessors'
  | 'Priority List Managers'
  | 'System Administrators';

export interface Context {
  workgroup: WorkgroupName;
  org: OrgCode;
}

/** The usual context of each demo user who can work (demo-scenario.md, "Users"). */
export const HOME = {
  admin: { workgroup: 'System Administrators', org: 'ADM' },
  'sam.shelter': { workgroup: 'Emergency Shelter Staff', org: 'HSS' },
  'olga.outreach': { workgroup: 'HMIS Users', org: 'NSO' },
  'casey.assessor': { workgroup: 'Coordinated Entry Assessors', org: 'CCE' },
  'tara.trainee': { workgroup: 'Coordinated Entry Assessors', org: 'CCE' },
  'pat.priority': { workgroup: 'Priority List Managers', org: 'CCE' },
  'riley.reserve': { workgroup: 'Shelter Reservation Team', org: 'HSS' },
  'mina.manager': { workgroup: 'HMIS Users', org: 'HSS' },
  'dana.dv': { workgroup: 'HMIS Users', org: 'SHD' },
  'dara.data': { workgroup: 'HMIS Users', org: 'NSO' },
} as const satisfies Record<string, Context>;

export type HomeUser = keyof typeof HOME;

export const DEMO_PASSWORD = process.env.SEED_PASSWORD || 'waypoint-demo';

/** One GraphQL error, flattened for assertions. */
export interface ApiError {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

/** A logged-in (or anonymous) caller of the real HTTP API. */
export class Caller {
  constructor(
    readonly api: Api,
    readonly token: string | null,
    readonly label: string,
  ) {}

  post<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    return this.api.post<T>(query, variables, this.token);
  }

  /** The data of a request that must succeed. */
  ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return this.api.ok<T>(query, variables, this.token);
  }

  /** The one error of a request that must fail. */
  async error(query: string, variables: Record<string, unknown> = {}): Promise<ApiError> {
    const res = await this.post(query, variables);
    if (!res.errors?.length)
      throw new Error(`${this.label}: expected an error, got ${JSON.stringify(res.data)}`);
    const [e] = res.errors;
    return { code: String(e.extensions?.code), message: e.message, extensions: e.extensions ?? {} };
  }
}

/** The demo app of one spec file, started before its tests and closed after them. */
export class DemoApp {
  private current: TestApp | null = null;
  private readonly sessions = new Map<string, Promise<Caller>>();

  constructor(readonly key: string) {
    beforeAll(async () => {
      this.current = await startTestApp(key);
    });
    afterAll(async () => {
      await this.current?.close();
    });
  }

  get app(): TestApp {
    if (!this.current) throw new Error('the demo app is not started');
    return this.current;
  }

  get ids(): DemoIds {
    return this.app.ids;
  }

  get api(): Api {
    return this.app.api;
  }

  /** A caller with no token. */
  anonymous(): Caller {
    return new Caller(this.api, null, 'anonymous');
  }

  /** A fresh session, not shared with other tests (for logout, context changes, ...). */
  async login(username: string, context?: Context): Promise<Caller> {
    const token = await this.api.loginAs(username, context);
    return new Caller(this.api, token, context ? `${username}@${context.org}` : username);
  }

  /** A session of a demo user in the given (or usual) context, reused within the spec file. */
  as(username: HomeUser | 'morgan.multi', context?: Context): Promise<Caller> {
    const ctx = context ?? (username === 'morgan.multi' ? undefined : HOME[username]);
    if (!ctx) throw new Error('morgan.multi needs an explicit context');
    const key = `${username}|${ctx.workgroup}|${ctx.org}`;
    let session = this.sessions.get(key);
    if (!session) {
      session = this.login(username, ctx);
      this.sessions.set(key, session);
    }
    return session;
  }

  /** Raw SQL against the test database, for fixtures no API offers and for checking what was stored. */
  sql<T = Record<string, any>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.app.db.ds.query(query, params);
  }

  /** Runs SQL that changes data, with `?` placeholders on both engines. */
  async exec(query: string, params: unknown[] = []): Promise<void> {
    await this.app.db.ds.query(query, params);
  }

  /** The stored session row of a token (the server keeps only the token's hash). */
  async sessionRow(caller: Caller): Promise<Record<string, any> | undefined> {
    const [row] = await this.sql('SELECT * FROM session WHERE token_hash = ?', [
      hashToken(caller.token as string),
    ]);
    return row;
  }
}

// ---------------------------------------------------------------- GraphQL documents

export const CLIENT = `query($id: ID!) { client(id: $id) {
  id version firstName lastName ssn ssnLast4 dob age restrictIntake organization { code }
  access { canEdit canDelete ownedByActiveOrganization hiddenFields }
  enrollments { id restriction organization { code } program { id } }
} }`;

export const ENROLLMENT = `query($id: ID!) { enrollment(id: $id) {
  id version restriction exitDate organization { code } program { id } client { id }
  access { canEdit canDelete hiddenFields }
  services(first: 500) { totalCount edges { node { id restriction } } }
  currentLivingSituations { id restriction }
  assessments { id score prioritizationStatus assessmentDate instrument access { hiddenFields } }
  ceEvents { id }
  healthAndDv { id domesticViolenceSurvivor generalHealthStatus access { hiddenFields } }
  exit { id }
} }`;

export const SERVICE = `query($id: ID!) { service(id: $id) { id version restriction organization { code } access { canEdit canDelete hiddenFields } } }`;

const CLIENT_PAGE = `query($first: Int, $after: String) { clients(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } }
} }`;

export const PROGRAMS = `{ programs { id name ownedByActiveOrganization organization { code } } }`;

export const UPDATE_CLIENT = `mutation($id: ID!, $input: UpdateClientInput!) { updateClient(id: $id, input: $input) { id version restrictIntake } }`;
export const UPDATE_ENROLLMENT = `mutation($id: ID!, $input: UpdateEnrollmentInput!) { updateEnrollment(id: $id, input: $input) { id version restriction } }`;
export const CREATE_CLIENT = `mutation($input: CreateClientInput!) { createClient(input: $input) { id version restrictIntake organization { code } } }`;
export const CREATE_ENROLLMENT = `mutation($input: CreateEnrollmentInput!) { createEnrollment(input: $input) { id version restriction organization { code } } }`;
export const CREATE_SERVICE = `mutation($input: CreateServiceInput!) { createService(input: $input) { id version restriction organization { code } } }`;
export const DELETE_CLIENT = `mutation($input: DeleteInput!) { deleteClient(input: $input) }`;
export const DELETE_ENROLLMENT = `mutation($input: DeleteInput!) { deleteEnrollment(input: $input) }`;
export const DELETE_SERVICE = `mutation($input: DeleteInput!) { deleteService(input: $input) }`;

/** A bed night on `date` in an enrollment, with an optional restriction. */
export const bedNight = (
  enrollmentId: number | string,
  date: string,
  restriction?: 'RESTRICTED' | 'UNRESTRICTED',
) => ({
  input: {
    enrollmentId: String(enrollmentId),
    dateProvided: date,
    recordType: 'BED_NIGHT',
    typeProvided: 200,
    ...(restriction ? { restriction } : {}),
  },
});

// ---------------------------------------------------------------- lookups

export async function client(caller: Caller, id: number | string): Promise<Record<string, any> | null> {
  return (await caller.ok(CLIENT, { id: String(id) })).client;
}

export async function enrollment(caller: Caller, id: number | string): Promise<Record<string, any> | null> {
  return (await caller.ok(ENROLLMENT, { id: String(id) })).enrollment;
}

export async function service(caller: Caller, id: number | string): Promise<Record<string, any> | null> {
  return (await caller.ok(SERVICE, { id: String(id) })).service;
}

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string };
  edges: { node: { id: string } }[];
}

async function clientPage(caller: Caller, first: number, after: string | null): Promise<Page> {
  return (await caller.ok<{ clients: Page }>(CLIENT_PAGE, { first, after })).clients;
}

/** Every client the caller can list, paging `pageSize` at a time, with the totalCount of each page. */
export async function listAllClients(
  caller: Caller,
  pageSize = 500,
): Promise<{ ids: number[]; totalCounts: number[] }> {
  const ids: number[] = [];
  const totalCounts: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const clients = await clientPage(caller, pageSize, after);
    totalCounts.push(clients.totalCount);
    ids.push(...clients.edges.map((e) => Number(e.node.id)));
    if (!clients.pageInfo.hasNextPage) return { ids, totalCounts };
    after = clients.pageInfo.endCursor;
  }
  throw new Error('clients did not end');
}

export async function programIds(caller: Caller): Promise<number[]> {
  const { programs } = await caller.ok(PROGRAMS);
  return sorted(programs.map((p: { id: string }) => p.id));
}

// ---------------------------------------------------------------- named demo clients

export const NAMED_CLIENTS = [
  'Alex Rivera',
  'Jordan Lee',
  'Sam Carter',
  'Taylor Brooks',
  'Casey Morgan',
  'Robin Hayes',
  'Jamie Fox',
  'Drew Park',
] as const;
export type NamedClient = (typeof NAMED_CLIENTS)[number];

/** Which named demo clients `client(id)` answers for this caller. */
export async function visibleNamedClients(demo: DemoApp, caller: Caller): Promise<NamedClient[]> {
  const seen: NamedClient[] = [];
  for (const name of NAMED_CLIENTS) if (await client(caller, demo.ids.clients[name])) seen.push(name);
  return seen;
}

/** Runs `body` with a change to the data made by `change`, then undoes it with `undo`, whatever happens. */
export async function withChange(
  change: () => Promise<void>,
  undo: () => Promise<void>,
  body: () => Promise<void>,
): Promise<void> {
  await change();
  try {
    await body();
  } finally {
    await undo();
  }
}

export const sorted = (ids: Iterable<number | string>) => [...ids].map(Number).sort((a, b) => a - b);
