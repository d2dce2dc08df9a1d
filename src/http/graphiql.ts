import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/** An in-memory asset; `version` (content hash) is appended as `?v=` so long-lived caching is safe. */
type Asset = { body: Buffer; type: string; version: string };

const INTRO = `# Welcome to Waypoint GraphiQL.
#
# 1. Run the Login mutation below with a demo user
#    (e.g. sam.shelter / waypoint-demo).
# 2. Put the returned token into the Headers tab
#    (below) as {"Authorization": "Bearer <token>"}.
#    This page also remembers the last login token
#    for this browser tab and sends it for you,
#    unless you set your own Authorization header.
# 3. Then run the Me and Clients tabs.
#
# Retrying a mutation safely: add {"Idempotency-Key": "<one new
# value per user action>"} to the Headers tab and resend the same
# request with the same key; it will not be saved twice.

mutation Login {
  login(username: "sam.shelter", password: "waypoint-demo") {
    token
    me { user { username } }
  }
}
`;
const ME = 'query Me {\n  me {\n    user { username }\n    activeOrganization { code }\n  }\n}\n';
const CLIENTS = `query Clients {\n  clients(first: 10) {\n    totalCount\n    edges { node { id firstName lastName } }\n  }\n}\n`;

/** Browser bootstrap, served as /graphiql/assets/bootstrap.js so the CSP needs no inline script. */
const BOOTSTRAP = `(function () {
  'use strict';
  var KEY = 'waypoint.graphiql.token';
  var root = document.getElementById('graphiql');
  function readToken() { try { return sessionStorage.getItem(KEY); } catch (e) { return null; } }
  function saveToken(t) { try { sessionStorage.setItem(KEY, t); } catch (e) { /* storage disabled */ } }
  // Sends the remembered login token (unless the Headers tab has an Authorization header) and
  // remembers data.login.token from every JSON response before GraphiQL sees it.
  function authFetch(input, init) {
    init = Object.assign({}, init);
    var headers = new Headers(init.headers || {});
    var token = readToken();
    if (token && !headers.has('authorization')) headers.set('Authorization', 'Bearer ' + token);
    init.headers = headers;
    return window.fetch(input, init).then(function (res) {
      if ((res.headers.get('content-type') || '').indexOf('json') === -1) return res;
      return res.clone().json().then(function (body) {
        var t = body && body.data && body.data.login && body.data.login.token;
        if (typeof t === 'string' && t && t !== readToken()) {
          saveToken(t);
          // The server answers introspection only with a session (GRAPHQL_INTROSPECTION):
          // a new fetcher makes GraphiQL load the schema (docs, completion) now.
          setTimeout(render, 0);
        }
      }, function () { /* not JSON after all */ }).then(function () { return res; });
    });
  }
  var reactRoot = ReactDOM.createRoot(root);
  function render() {
    reactRoot.render(React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: root.getAttribute('data-endpoint'), fetch: authFetch }),
      defaultQuery: ${JSON.stringify(INTRO)},
      defaultTabs: [{ query: ${JSON.stringify(INTRO)} }, { query: ${JSON.stringify(ME)} }, { query: ${JSON.stringify(CLIENTS)} }],
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: true
    }));
  }
  render();
})();
`;

const asset = (body: Buffer, type: string): Asset => ({
  body,
  type,
  version: createHash('sha256').update(body).digest('hex').slice(0, 12),
});

/** Reads `file` from an installed package (resolving `package.json` works despite `exports` maps). */
const vendor = (pkg: string, file: string): Buffer =>
  readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));

const [JS, CSS] = ['application/javascript; charset=utf-8', 'text/css; charset=utf-8'];
const PAGE_CSS = 'html, body { height: 100%; margin: 0; }\n#graphiql { height: 100vh; }\n';
const SCRIPTS = ['react.production.min.js', 'react-dom.production.min.js', 'graphiql.min.js', 'bootstrap.js'];

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Same-origin only; an absolute endpoint URL on another origin is added to connect-src. */
function contentSecurityPolicy(endpoint: string): string {
  const origin = URL.canParse(endpoint) ? ` ${new URL(endpoint).origin}` : '';
  return (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
    `connect-src 'self'${origin}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
  );
}

/**
 * Serves the GraphiQL IDE at `/graphiql` (relative to where the router is mounted), talking to
 * `options.endpoint`.
 *
 * Every asset (React, ReactDOM, GraphiQL's JS and CSS, the page bootstrap) is served from this
 * project's own `node_modules` under `/graphiql/assets/...`, never from a CDN: administrators often
 * work offline or behind locked-down networks, and with a strict `'self'`-only Content-Security-Policy
 * the IDE cannot load or leak anything to third parties.
 *
 * After a `login` mutation the page keeps the returned token in sessionStorage and sends it as
 * `Authorization: Bearer <token>` unless the Headers tab sets its own Authorization header.
 */
export function graphiqlRouter(options: { endpoint: string }): express.Router {
  const assets = new Map<string, Asset>([
    ['react.production.min.js', asset(vendor('react', 'umd/react.production.min.js'), JS)],
    ['react-dom.production.min.js', asset(vendor('react-dom', 'umd/react-dom.production.min.js'), JS)],
    ['graphiql.min.js', asset(vendor('graphiql', 'graphiql.min.js'), JS)],
    ['graphiql.min.css', asset(vendor('graphiql', 'graphiql.min.css'), CSS)],
    ['page.css', asset(Buffer.from(PAGE_CSS), CSS)],
    ['bootstrap.js', asset(Buffer.from(BOOTSTRAP), JS)],
  ]);
  const csp = contentSecurityPolicy(options.endpoint);
  const router = express.Router();

  router.get('/graphiql/assets/:name', (req, res, next) => {
    const found = assets.get(req.params.name);
    if (!found) return next();
    res.set({ 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' });
    res.type(found.type).send(found.body);
  });

  router.get('/graphiql', (req, res) => {
    const src = (name: string): string =>
      escapeHtml(`${req.baseUrl}/graphiql/assets/${name}?v=${assets.get(name)?.version ?? ''}`);
    res.set({
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.type('html').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Waypoint GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${src('graphiql.min.css')}">
<link rel="stylesheet" href="${src('page.css')}">
</head>
<body>
<div id="graphiql" data-endpoint="${escapeHtml(options.endpoint)}">Loading GraphiQL…</div>
${SCRIPTS.map((name) => `<script src="${src(name)}"></script>`).join('\n')}
</body>
</html>
`);
  });

  return router;
}
