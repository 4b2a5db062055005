// The dashboard: plain browser JavaScript, no build step. It talks to the serve JSON API only.
'use strict';

const causes = ['permissions', 'unsecured-endpoints', 'insufficient-testing', 'session-management', 'expiring-apis', 'bad-urls',
  'complex-endpoints', 'public-exposure', 'poor-design-docs', 'dependency-failures', 'monitoring-logging'];
const state = { csrf: '', role: '', selected: null, monitors: [] };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  return node;
}

async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = state.csrf;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 401 && path !== '/api/login') { showSignIn(); throw new Error('signed out'); }
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error((data && data.detail) || `HTTP ${response.status}`);
  return data;
}

const time = (ms) => (ms == null ? '' : new Date(ms).toLocaleString());
const pct = (v) => (v == null ? '–' : `${v.toFixed(2)} %`);

function showSignIn() { $('signin').classList.remove('hidden'); $('app').classList.add('hidden'); }
function showApp(me) {
  state.csrf = me.csrfToken || ''; state.role = me.role;
  $('csrf').value = state.csrf;
  $('who').textContent = `${me.username} (${me.role})`;
  $('signin').classList.add('hidden'); $('app').classList.remove('hidden');
  $('editor').classList.toggle('hidden', me.role !== 'admin');
  refresh();
}

$('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('signin-error').textContent = '';
  try {
    const me = await api('POST', '/api/login', { username: $('username').value, password: $('password').value });
    showApp(me);
  } catch (error) { $('signin-error').textContent = error.message; }
});

// The fields the form shows; every other key of a monitor lives in the "more (JSON)" box, so editing a
// monitor from the dashboard never drops what the form does not show (headers, JSON assertions, cron...).
const formKeys = ['name', 'url', 'interval', 'retries'];
const formAssertKeys = ['status', 'latency'];

function formMonitor() {
  const text = $('m-more').value.trim();
  let more = {};
  if (text) {
    try { more = JSON.parse(text); } catch (error) { throw new Error(`more (JSON): ${error.message}`); }
    if (more === null || typeof more !== 'object' || Array.isArray(more)) throw new Error('more (JSON): expected an object such as { "headers": { ... } }');
  }
  const monitor = { ...more, name: $('m-name').value, retries: Number($('m-retries').value || 0), assert: { ...(more.assert || {}) } };
  if ($('m-url').value.trim()) monitor.url = $('m-url').value.trim();
  if ($('m-interval').value.trim()) monitor.interval = $('m-interval').value.trim();
  else if (monitor.cron === undefined) monitor.interval = '30s';
  const status = $('m-status').value.trim();
  if (status) monitor.assert.status = /^\d+$/.test(status) ? Number(status) : status;
  if ($('m-latency').value.trim()) monitor.assert.latency = $('m-latency').value.trim();
  return monitor;
}

/** The definition minus what the form's own fields show, for the JSON box ('' when nothing is left). */
function moreOf(definition) {
  const more = {};
  for (const [key, value] of Object.entries(definition)) if (!formKeys.includes(key) && key !== 'assert') more[key] = value;
  // A list of statuses does not fit the status field: it stays in the box.
  const shown = (key, value) => formAssertKeys.includes(key) && !Array.isArray(value);
  const assert = Object.fromEntries(Object.entries(definition.assert || {}).filter(([key, value]) => !shown(key, value)));
  if (Object.keys(assert).length > 0) more.assert = assert;
  return Object.keys(more).length > 0 ? JSON.stringify(more, null, 2) : '';
}

function resetForm() {
  $('edit-id').value = ''; $('editor-title').textContent = 'Add a monitor'; $('m-cancel').classList.add('hidden');
  $('monitor-form').reset(); $('csrf').value = state.csrf;
}
$('m-cancel').addEventListener('click', resetForm);
$('monitor-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('monitor-error').textContent = '';
  try {
    const id = $('edit-id').value;
    await api(id ? 'PUT' : 'POST', id ? `/api/monitors/${id}` : '/api/monitors', formMonitor());
    resetForm();
    refresh();
  } catch (error) { $('monitor-error').textContent = error.message; }
});

function editMonitor(monitor) {
  const d = monitor.definition || {};
  $('edit-id').value = monitor.id; $('editor-title').textContent = `Edit ${monitor.name}`; $('m-cancel').classList.remove('hidden');
  $('m-name').value = monitor.name; $('m-url').value = d.url || '';
  $('m-interval').value = d.interval ? (d.interval % 1000 === 0 ? `${d.interval / 1000}s` : `${d.interval}ms`) : '30s';
  $('m-status').value = d.assert && d.assert.status !== undefined ? String(d.assert.status) : '';
  $('m-latency').value = d.assert && d.assert.latency ? `< ${d.assert.latency}ms` : '';
  $('m-retries').value = d.retries ?? 2;
  if (d.cron !== undefined) $('m-interval').value = '';
  if (d.assert && Array.isArray(d.assert.status)) $('m-status').value = '';
  $('m-more').value = moreOf(d);
  $('m-more-box').open = $('m-more').value !== '';
}

function renderMonitors(monitors) {
  const body = $('monitors').querySelector('tbody');
  body.replaceChildren(...monitors.map((m) => el('tr', { 'data-monitor': m.name },
    el('td', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); state.selected = m.id; refresh(); } }, m.name)),
    el('td', { class: m.status, 'data-status': m.status }, m.status),
    el('td', {}, m.lastCheck ? `${time(m.lastCheck.startedAt)} ${m.lastCheck.error || ''}` : ''),
    el('td', {}, pct(m.uptime['24h'])), el('td', {}, pct(m.uptime['7d'])), el('td', {}, pct(m.uptime['30d'])),
    el('td', {}, state.role === 'admin' ? el('span', {},
      el('button', { type: 'button', onclick: () => editMonitor(m) }, 'edit'), ' ',
      el('button', { type: 'button', onclick: async () => { if (confirm(`Delete ${m.name}?`)) { await api('DELETE', `/api/monitors/${m.id}`); refresh(); } } }, 'delete')) : ''))));
}

/** A line chart of [x, y] points in an inline SVG; red dots mark failures. */
function lineChart(points, opts) {
  const w = 900, h = 180, pad = 34;
  const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: '100%', role: 'img', 'aria-label': opts.label, id: opts.id });
  if (points.length === 0) { const t = svg('text', { x: pad, y: h / 2 }); t.textContent = 'no data yet'; root.append(t); return root; }
  const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
  const x0 = Math.min(...xs), x1 = Math.max(...xs) || x0 + 1, y1 = Math.max(...ys, 1);
  const sx = (x) => pad + ((x - x0) / Math.max(1, x1 - x0)) * (w - 2 * pad);
  const sy = (y) => h - pad + 10 - (y / y1) * (h - 2 * pad);
  root.append(svg('line', { x1: pad, y1: h - pad + 10, x2: w - pad, y2: h - pad + 10, stroke: '#dadce0' }));
  const top = svg('text', { x: 2, y: sy(y1) + 4 }); top.textContent = `${Math.round(y1)}${opts.unit}`; root.append(top);
  root.append(svg('polyline', { points: points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' '), fill: 'none', stroke: '#1a73e8', 'stroke-width': 1.5 }));
  for (const p of points) if (p.bad) root.append(svg('circle', { cx: sx(p.x), cy: sy(p.y), r: 3, fill: '#c5221f', class: 'failure' }));
  return root;
}

async function renderChart() {
  const monitor = state.monitors.find((m) => m.id === state.selected) || state.monitors[0];
  if (!monitor) { $('latency-chart').replaceChildren(); return; }
  $('chart-title').textContent = `Latency: ${monitor.name}`;
  const results = await api('GET', `/api/monitors/${monitor.id}/results?limit=200`);
  const points = results.slice().reverse().map((r) => ({ x: r.startedAt, y: r.durationMs, bad: !r.ok }));
  $('latency-chart').replaceChildren(lineChart(points, { label: `latency of ${monitor.name}`, unit: ' ms', id: 'latency-svg' }));
}

function renderIncidents(incidents) {
  const names = new Map(state.monitors.map((m) => [m.id, m.name]));
  $('incidents').querySelector('tbody').replaceChildren(...incidents.map((i) => el('tr', { 'data-open': i.closedAt == null ? 'yes' : 'no' },
    el('td', {}, i.id), el('td', {}, names.get(i.monitorId) || i.monitorId), el('td', {}, time(i.openedAt)),
    el('td', {}, i.closedAt == null ? 'open' : time(i.closedAt)), el('td', {}, i.reason))));
}

function renderAlerts(alerts) {
  const names = new Map(state.monitors.map((m) => [m.id, m.name]));
  $('alerts').querySelector('tbody').replaceChildren(...alerts.map((a) => el('tr', {},
    el('td', {}, time(a.at)), el('td', {}, names.get(a.monitorId) || a.monitorId), el('td', {}, a.channel), el('td', {}, a.kind),
    el('td', {}, a.attempt), el('td', { class: a.ok ? 'up' : 'down' }, a.result))));
}

function renderReports(reports) {
  $('reports').querySelector('tbody').replaceChildren(...reports.map((r) => el('tr', {},
    el('td', {}, time(r.createdAt)), el('td', {}, r.monitorName || ''), el('td', {}, r.kind), el('td', {}, r.findings),
    el('td', {}, causes.filter((c) => r.scorecard[c]).map((c) => `${c} ${r.scorecard[c]}`).join(', ') || 'none'))));
  const points = reports.slice().reverse().map((r) => ({ x: r.createdAt, y: r.findings }));
  $('findings-chart').replaceChildren(lineChart(points, { label: 'findings over time', unit: '', id: 'findings-svg' }));
}

async function refresh() {
  try {
    const [monitors, incidents, alerts, reports, status] = await Promise.all([
      api('GET', '/api/monitors'), api('GET', '/api/incidents'), api('GET', '/api/alerts?limit=50'), api('GET', '/api/reports'), api('GET', '/api/status')]);
    state.monitors = monitors;
    renderMonitors(monitors); renderIncidents(incidents); renderAlerts(alerts); renderReports(reports);
    showProblem(status.store.healthy ? '' : `The database refuses writes: ${status.store.pendingResults} results are kept in memory and will be written when it is back.`);
    await renderChart();
  } catch (error) {
    if (error.message === 'signed out') return;
    // The page keeps what it last loaded and says why it is not current (the database down, serve gone).
    showProblem(error instanceof TypeError ? 'faultline serve does not answer; this page shows what it last loaded.' : `The dashboard could not refresh: ${error.message}. It shows what it last loaded.`);
  }
}

function showProblem(text) {
  const banner = $('store-banner');
  banner.classList.toggle('hidden', text === '');
  banner.textContent = text;
}

setInterval(() => { if (!$('app').classList.contains('hidden')) refresh(); }, 2000);
fetch('/api/me', { credentials: 'same-origin' }).then(async (r) => (r.ok ? showApp(await r.json()) : showSignIn())).catch(showSignIn);
