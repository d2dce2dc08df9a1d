/** A small GraphQL client for tests: posts to the real HTTP server, like a front end would. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [k: string]: unknown };
  }[];
}

export class Api {
  constructor(readonly url: string) {}

  async post<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string | null,
  ): Promise<GraphQLResponse<T>> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GraphQLResponse<T>;
    return { ...body, status: res.status };
  }

  /** Like post, but fails the test on any error. */
  async ok<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string | null,
  ): Promise<T> {
    const res = await this.post<T>(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  }

  /** The error codes of a response (empty when it succeeded). */
  async codes(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string | null,
  ): Promise<string[]> {
    const res = await this.post(query, variables, token);
    return (res.errors ?? []).map((e) => String(e.extensions?.code));
  }

  async login(username: string, password = process.env.SEED_PASSWORD || 'waypoint-demo'): Promise<string> {
    const data = await this.ok<{ login: { token: string } }>(
      'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
      { u: username, p: password },
    );
    return data.login.token;
  }

  /** Logs in and selects the given workgroup and organization (by name and code). */
  async loginAs(username: string, context?: { workgroup: string; org: string }): Promise<string> {
    const token = await this.login(username);
    if (!context) return token;
    const me = await this.ok<{
      me: { workgroups: { id: string; name: string }[]; loginOrganizations: { id: string; code: string }[] };
    }>('{ me { workgroups { id name } loginOrganizations { id code } } }', {}, token);
    const wg = me.me.workgroups.find((w) => w.name === context.workgroup);
    const org = me.me.loginOrganizations.find((o) => o.code === context.org);
    if (!wg || !org) throw new Error(`${username} cannot select ${context.workgroup} / ${context.org}`);
    await this.ok(
      'mutation($w: ID!, $o: ID!) { selectContext(workgroupId: $w, organizationId: $o) { state } }',
      { w: wg.id, o: org.id },
      token,
    );
    return token;
  }
}
