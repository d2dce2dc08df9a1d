/**
 * The reports dashboard at `/reports` (issue 15): an agency lead logs in, picks a context, and
 * sees the client counts by month as a chart and the data-quality table with bars, with a link
 * per problem to the record's id. A static page plus a script: every number on it comes from the
 * GraphQL API with the lead's own token, so it shows exactly what the API allows (and suppressed
 * cells as "suppressed"). Assets come from this project's node_modules, never a CDN (works
 * offline), under a strict 'self'-only Content-Security-Policy like GraphiQL's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express from 'express';

type Asset = { body: Buffer; type: string; version: string };

const asset = (body: Buffer, type: string): Asset => ({
  body,
  type,
  version: createHash('sha256').update(body).digest('hex').slice(0, 12),
});

/**
 * Where the charting library is read from: the chart.js package of the project's dependencies
 * (`CHART_JS_PATH` overrides it, e.g. for a copy installed elsewhere while developing).
 */
export function chartJsFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHART_JS_PATH) return env.CHART_JS_PATH;
  // chart.js's `exports` map hides package.json; its main entry lives in dist/ beside the UMD build.
  return path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
}

const JS = 'application/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

const PAGE_CSS = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f6f7f9; }
header { background: #23395d; color: #fff; padding: 10px 20px; display: flex; gap: 16px; align-items: center; }
header h1 { font-size: 18px; margin: 0; flex: 1; }
main { padding: 16px 20px; }
section { background: #fff; border: 1px solid #d8dde6; border-radius: 6px; padding: 12px 16px; margin-bottom: 16px; }
h2 { font-size: 16px; margin: 0 0 8px; }
label { margin-right: 12px; }
input, select, button { font: inherit; padding: 3px 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e3e6eb; padding: 4px 6px; text-align: left; vertical-align: middle; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.suppressed { color: #8a5300; font-style: italic; }
.bar { display: flex; height: 12px; width: 260px; background: #eef0f3; border-radius: 3px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.bar .complete { background: #2e8b57; } .bar .dk { background: #d4a017; } .bar .dnc { background: #999; }
.bar .missing { background: #d9534f; } .bar .invalid { background: #8e44ad; }
.error { color: #b00020; }
.chart-box { position: relative; height: 280px; }
.hidden { display: none; }
`;

/** The page script: login, context, then the two reports. Served as a file so the CSP needs no inline script. */
const DASHBOARD_JS = `(function () {
  'use strict';
  var KEY = 'waypoint.reports.token';
  var $ = function (id) { return document.getElementById(id); };
  var token = null;
  try { token = sessionStorage.getItem(KEY); } catch (e) { /* storage disabled */ }
  var chart = null;

  function gql(query, variables) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables || {} }) })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
        return body.data;
      });
  }
  function text(el, value) { el.textContent = value; return el; }
  function el(tag, cls, value) { var e = document.createElement(tag); if (cls) e.className = cls; if (value !== undefined) text(e, String(value)); return e; }
  function showError(err) { text($('error'), err.message || String(err)); }
  function countCell(count, suppressed) {
    var td = el('td', 'num');
    if (suppressed) { td.className = 'num suppressed'; text(td, 'suppressed'); } else { text(td, String(count)); }
    return td;
  }
  function isoDaysAgo(days) { var d = new Date(Date.now() - days * 864e5); return d.toISOString().slice(0, 10); }

  function loadMe() {
    return gql('{ me { state user { username } accessRole activeOrganization { id code name } activeWorkgroup { id name } workgroups { id name } loginOrganizations { id code name } } }')
      .then(function (d) { return d.me; });
  }
  function showContext(me) {
    $('login').classList.add('hidden');
    $('who').textContent = me.user.username + (me.activeOrganization ? ' @ ' + me.activeOrganization.code + ' (' + me.activeWorkgroup.name + ')' : '');
    var wg = $('workgroup'), org = $('organization');
    wg.textContent = ''; org.textContent = '';
    me.workgroups.forEach(function (w) { var o = el('option', null, w.name); o.value = w.id; if (me.activeWorkgroup && me.activeWorkgroup.id === w.id) o.selected = true; wg.appendChild(o); });
    me.loginOrganizations.forEach(function (g) { var o = el('option', null, g.code + ' ' + g.name); o.value = g.id; if (me.activeOrganization && me.activeOrganization.id === g.id) o.selected = true; org.appendChild(o); });
    $('context').classList.remove('hidden');
    if (me.state === 'READY') { $('filters').classList.remove('hidden'); return run(); }
  }
  function run() {
    text($('error'), '');
    var input = { from: $('from').value, to: $('to').value };
    var counts = gql('query($input: ReportInput!) { clientCounts(input: $input) { total someSuppressed minCellSize cells { count suppressed keys { value label } } } }',
      { input: { from: input.from, to: input.to, groupBy: ['MONTH'] } });
    var dq = gql('query($input: DataQualityInput!) { dataQuality(input: $input) { minCellSize problemCount programs { programId programName elements { element name withheld complete doesNotKnowOrPrefersNot dataNotCollected missing invalid suppressed } } problems { recordType recordId clientId element problem } } }',
      { input: input });
    return Promise.all([counts, dq]).then(function (r) {
      renderCounts(r[0].clientCounts);
      renderQuality(r[1].dataQuality);
      document.body.setAttribute('data-ready', 'true');
    }).catch(showError);
  }
  function renderCounts(report) {
    var body = $('counts-body'); body.textContent = '';
    report.cells.forEach(function (c) {
      var tr = el('tr'); tr.setAttribute('data-month', c.keys[0].value);
      tr.appendChild(el('td', null, c.keys[0].label));
      tr.appendChild(countCell(c.count, c.suppressed));
      body.appendChild(tr);
    });
    text($('counts-total'), String(report.total) + (report.someSuppressed ? ' (cells shown; some suppressed)' : ''));
    text($('min-cell'), report.minCellSize ? 'Counts under ' + report.minCellSize + ' are suppressed.' : 'No suppression.');
    var labels = report.cells.map(function (c) { return c.keys[0].label; });
    var values = report.cells.map(function (c) { return c.suppressed ? null : c.count; });
    if (chart) chart.destroy();
    chart = new Chart($('counts-chart'), {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'Clients starting an enrollment', data: values, backgroundColor: '#23395d' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  var CATS = [['complete', 'complete'], ['doesNotKnowOrPrefersNot', 'dk'], ['dataNotCollected', 'dnc'], ['missing', 'missing'], ['invalid', 'invalid']];
  function renderQuality(report) {
    var body = $('dq-body'); body.textContent = '';
    report.programs.forEach(function (p) {
      p.elements.forEach(function (e) {
        var tr = el('tr'); tr.setAttribute('data-program', p.programId); tr.setAttribute('data-element', e.element);
        tr.appendChild(el('td', null, p.programName));
        tr.appendChild(el('td', null, e.element + ' ' + e.name));
        var total = 0;
        CATS.forEach(function (c) {
          if (e.withheld) { var w = el('td', 'num suppressed', 'withheld'); w.setAttribute('data-cat', c[0]); tr.appendChild(w); return; }
          var td = countCell(e[c[0]], e.suppressed.indexOf(c[0]) !== -1); td.setAttribute('data-cat', c[0]); tr.appendChild(td);
          total += e[c[0]] || 0;
        });
        var bar = el('div', 'bar');
        CATS.forEach(function (c) {
          var v = e[c[0]] || 0; if (!total || !v) return;
          var s = el('span', c[1]); s.style.width = (100 * v / total) + '%'; s.title = c[0] + ': ' + v; bar.appendChild(s);
        });
        var cell = el('td'); cell.appendChild(bar); tr.appendChild(cell);
        body.appendChild(tr);
      });
    });
    var list = $('problems'); list.textContent = '';
    report.problems.forEach(function (x) {
      var li = el('li');
      var a = el('a', null, x.recordType + ' ' + x.recordId);
      a.href = '/graphiql#' + encodeURIComponent(x.recordType + ':' + x.recordId);
      a.setAttribute('data-record', x.recordType + ':' + x.recordId);
      li.appendChild(a);
      li.appendChild(document.createTextNode(' (client ' + x.clientId + ') ' + x.problem));
      list.appendChild(li);
    });
    text($('problem-count'), String(report.problemCount));
  }

  $('from').value = isoDaysAgo(365);
  $('to').value = isoDaysAgo(0);
  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: $('username').value, p: $('password').value })
      .then(function (d) { token = d.login.token; try { sessionStorage.setItem(KEY, token); } catch (e) { /* storage disabled */ } return loadMe(); })
      .then(showContext).catch(showError);
  });
  $('context-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    gql('mutation($w: ID!, $o: ID!) { selectContext(workgroupId: $w, organizationId: $o) { state } }', { w: $('workgroup').value, o: $('organization').value })
      .then(loadMe).then(showContext).catch(showError);
  });
  $('filters-form').addEventListener('submit', function (ev) { ev.preventDefault(); run(); });
  if (token) loadMe().then(showContext).catch(function () { token = null; });
})();
`;

const PAGE = (src: (name: string) => string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Waypoint reports</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${src('dashboard.css')}">
</head>
<body>
<header><h1>Waypoint reports</h1><span id="who"></span></header>
<main>
<p id="error" class="error" role="alert"></p>
<section id="login">
  <h2>Log in</h2>
  <form id="login-form">
    <label>Username <input id="username" autocomplete="username" required></label>
    <label>Password <input id="password" type="password" autocomplete="current-password" required></label>
    <button id="login-button" type="submit">Log in</button>
  </form>
</section>
<section id="context" class="hidden">
  <h2>Context</h2>
  <form id="context-form">
    <label>Workgroup <select id="workgroup"></select></label>
    <label>Organization <select id="organization"></select></label>
    <button type="submit">Select</button>
  </form>
</section>
<section id="filters" class="hidden">
  <form id="filters-form">
    <label>From <input id="from" type="date" required></label>
    <label>To <input id="to" type="date" required></label>
    <button id="run" type="submit">Run</button>
    <span id="min-cell"></span>
  </form>
</section>
<section>
  <h2>Clients by month of project start</h2>
  <div class="chart-box"><canvas id="counts-chart" aria-label="Clients by month" role="img"></canvas></div>
  <table><thead><tr><th>Month</th><th>Clients</th></tr></thead><tbody id="counts-body"></tbody>
  <tfoot><tr><th>Total</th><td id="counts-total" class="num"></td></tr></tfoot></table>
</section>
<section>
  <h2>Data quality</h2>
  <table><thead><tr><th>Program</th><th>Element</th><th>Complete</th><th>Doesn't know / prefers not</th><th>Not collected</th><th>Missing</th><th>Invalid</th><th></th></tr></thead>
  <tbody id="dq-body"></tbody></table>
  <h2>Records to fix (<span id="problem-count">0</span>)</h2>
  <ul id="problems"></ul>
</section>
</main>
<script src="${src('chart.umd.min.js')}"></script>
<script src="${src('dashboard.js')}"></script>
</body>
</html>
`;

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The dashboard page and its assets. */
export function dashboardRouter(): express.Router {
  const assets = new Map<string, Asset>([
    ['chart.umd.min.js', asset(readFileSync(chartJsFile()), JS)],
    ['dashboard.js', asset(Buffer.from(DASHBOARD_JS), JS)],
    ['dashboard.css', asset(Buffer.from(PAGE_CSS), CSS)],
  ]);
  const router = express.Router();
  router.get('/reports/assets/:name', (req, res, next) => {
    const found = assets.get(req.params.name);
    if (!found) return next();
    res.set({ 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' });
    res.type(found.type).send(found.body);
  });
  router.get('/reports', (req, res) => {
    const src = (name: string) =>
      `${req.baseUrl}/reports/assets/${name}?v=${assets.get(name)?.version ?? ''}`;
    res.set({
      'Content-Security-Policy': CSP,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    res.type('html').send(PAGE(src));
  });
  return router;
}
