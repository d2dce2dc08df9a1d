/** A minimal GraphQL-over-HTTP client for timing: keep-alive, one request at a time. */
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Timed<T = any> {
  ms: number;
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  bytes: number;
}

export function post<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<Timed<T>> {
  const payload = Buffer.from(JSON.stringify({ query, variables }));
  const url = new URL('/graphql', baseUrl);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': payload.length,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ ms, status: res.statusCode ?? 0, body: JSON.parse(text), bytes: text.length });
          } catch {
            reject(new Error(`not JSON (HTTP ${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Like post, but throws on HTTP or GraphQL errors. */
export async function ok<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<Timed<T>> {
  const res = await post<T>(baseUrl, query, variables, token, headers);
  if (res.status !== 200 || res.body.errors?.length) {
    throw new Error(
      `GraphQL request failed (HTTP ${res.status}): ${JSON.stringify(res.body.errors ?? res.body).slice(0, 500)}`,
    );
  }
  return res;
}
