import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

/** An in-memory asset; `version` (content hash) is appended as `?v=` so long-lived caching is safe. */
type Asset = { body: Buffer; type: string; version: string };

const INTRO = `# Welcome to Waypoint GraphiQL.
#
# 1. Run this Login mutation (the pink button) with a
#    demo user, e.g. sam.shelter / waypoint-demo.
#    The page keeps the returned token for this browser
#    tab and sends it with every request for you; the
#    Docs pane then loads the schema you may use.
# 2. Then run the Me and Clients tabs.
#
# You do not need the Headers tab: the token from the
# latest login on this page always wins over an
# Authorization header typed there (that header is
# only sent while you have not logged in here).
#
# Retrying a mutation safely: add {"Idempotency-Key": "<one new
# value per user action>"} to the Headers tab and resend the same
# request with the same key; it will not be saved twice.

mutation Login {
  login(username: "sam.shelter", password: "waypoint-demo") {
    token
    me { user { username } state }
  }
}
`;
const ME = 'query Me {\n  me {\n    user { username }\n    activeOrganization { code }\n  }\n}\n';
const CLIENTS = `query Clients {\n  clients(first: 10) {\n    totalCount\n    edges { node { id firstName lastName } }\n  }\n}\n`;
const WELCOME =
  'Welcome to Waypoint. Run the Login tab first: the page keeps your token and loads the Docs pane after login.';
const ENDED = 'Your session has ended. Run the Login tab again: the Docs pane loads after login.';

/** Browser bootstrap, served as /graphiql/assets/bootstrap.js so the CSP needs no inline script. */
const BOOTSTRAP = `(function () {
  'use strict';
  var KEY = 'waypoint.graphiql.token';
  var root = document.getElementById('graphiql');
  var notice = ${JSON.stringify(WELCOME)};
  function readToken() { try { return sessionStorage.getItem(KEY); } catch (e) { return null; } }
  function saveToken(t) { try { sessionStorage.setItem(KEY, t); } catch (e) { /* storage disabled */ } }
  function dropToken() { try { sessionStorage.removeItem(KEY); } catch (e) { /* storage disabled */ } }
  function codes(body) {
    return ((body && body.errors) || []).map(function (e) { return e && e.extensions && e.extensions.code; });
  }
  // The page's own token (from the latest login here) always wins over an Authorization header
  // typed in the Headers tab, so a stale header never overrides a new login. Every JSON answer is
  // looked at before GraphiQL sees it: a login token is remembered, a logout or an ended session
  // forgets it.
  function authFetch(input, init) {
    init = Object.assign({}, init);
    var headers = new Headers(init.headers || {});
    var token = readToken();
    if (token) headers.set('Authorization', 'Bearer ' + token);
    init.headers = headers;
    return window.fetch(input, init).then(function (res) {
      if ((res.headers.get('content-type') || '').indexOf('json') === -1) return res;
      return res.clone().json().then(function (body) {
        var data = body && body.data;
        var t = data && data.login && data.login.token;
        if (typeof t === 'string' && t && t !== readToken()) {
          saveToken(t);
          notice = null;
          // The server answers introspection only with a session (GRAPHQL_INTROSPECTION):
          // a new fetcher makes GraphiQL load the schema (docs, completion) now.
          setTimeout(render, 0);
        } else if (token && ((data && data.logout === true) || codes(body).indexOf('UNAUTHENTICATED') !== -1)) {
          dropToken();
          notice = ${JSON.stringify(ENDED)};
          setTimeout(render, 0);
        }
      }, function () { /* not JSON after all */ }).then(function () { return res; });
    });
  }
  var reactRoot = ReactDOM.createRoot(root);
  function render() {
    var loggedIn = !!readToken();
    reactRoot.render(React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: root.getAttribute('data-endpoint'), fetch: authFetch }),
      // Without a session the server refuses introspection: do not ask (no error on the first
      // page); undefined after login makes GraphiQL fetch the schema with the token.
      schema: loggedIn ? undefined : null,
      defaultQuery: ${JSON.stringify(INTRO)},
      defaultTabs: [{ query: ${JSON.stringify(INTRO)} }, { query: ${JSON.stringify(ME)} }, { query: ${JSON.stringify(CLIENTS)} }],
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false
    }, loggedIn || !notice ? null : React.createElement(GraphiQL.Footer, null,
      React.createElement('p', { className: 'waypoint-welcome', role: 'status' }, notice))));
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
const PAGE_CSS =
  'html, body { height: 100%; margin: 0; }\n#graphiql { height: 100vh; }\n' +
  '.waypoint-welcome { margin: 0; padding: 12px 16px; font: 14px/1.4 system-ui, sans-serif; }\n';
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
 * `Authorization: Bearer <token>`, overriding any Authorization header of the Headers tab (a
 * stale header there must never override a new login). Before login it shows a welcome instead
 * of asking for the schema (which the server refuses without a session) and loads the schema
 * (Docs pane) right after login; when the session ends it forgets the token and says so.
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
