// The dashboard: plain browser JavaScript, no build step. It talks to the serve JSON API only.
'use strict';

const causes = ['permissions', 'unsecured-endpoints', 'insufficient-testing', 'session-management', 'expiring-apis', 'bad-urls',
  'complex-endpoints', 'public-exposure', 'poor-design-docs', 'dependency-failures', 'monitoring-logging'];
const state = { csrf: '', role: '', monitors: [], range: '24h', expiresAt: null };
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
  if (response.status === 401 && path !== '/api/login') { showSignIn('Your session has ended; sign in again.'); throw new Error('signed out'); }
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error((data && data.detail) || `HTTP ${response.status}`);
  return data;
}

const time = (ms) => (ms == null ? '' : new Date(ms).toLocaleString());
const pct = (v) => (v == null ? '–' : `${v.toFixed(2)} %`);

function showSignIn(note) {
  $('signin').classList.remove('hidden'); $('app').classList.add('hidden');
  for (const id of ['nav', 'signout']) $(id).classList.add('hidden');
  $('who').textContent = ''; $('session-expiry').textContent = ''; state.expiresAt = null;
  $('signin-note').textContent = typeof note === 'string' ? note : '';
}
function showApp(me) {
  state.csrf = me.csrfToken || ''; state.role = me.role; state.expiresAt = me.expiresAt || null;
  $('csrf').value = state.csrf;
  $('who').textContent = `${me.username} (${me.role})`;
  $('signin').classList.add('hidden'); $('app').classList.remove('hidden');
  for (const id of ['nav', 'signout']) $(id).classList.remove('hidden');
  $('editor').classList.toggle('hidden', me.role !== 'admin');
  showExpiry();
  route();
}

/** The session's end, always in view; the last five minutes are highlighted, and at the end the page signs out. */
function showExpiry() {
  const box = $('session-expiry');
  if (!state.expiresAt) { box.textContent = ''; return; }
  const left = state.expiresAt - Date.now();
  if (left <= 0) { showSignIn('Your session has ended; sign in again.'); return; }
  const minutes = Math.ceil(left / 60_000);
  box.textContent = minutes <= 90 ? `session ends in ${minutes} min` : `session ends at ${new Date(state.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
  box.classList.toggle('soon', minutes <= 5);
}

$('signout').addEventListener('click', async () => {
  try { await api('POST', '/api/logout'); } catch { /* signed out either way */ }
  showSignIn('You have signed out.');
  $('password').value = '';
  $('username').focus();
});

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
const formKeys = ['name', 'url', 'interval', 'retries', 'public', 'group', 'alerts'];
const formAssertKeys = ['status', 'latency'];

function formMonitor() {
  const text = $('m-more').value.trim();
  let more = {};
  if (text) {
    try { more = JSON.parse(text); } catch (error) { throw new Error(`more (JSON): ${error.message}`); }
    if (more === null || typeof more !== 'object' || Array.isArray(more)) throw new Error('more (JSON): expected an object such as { "headers": { ... } }');
  }
  const monitor = { ...more, name: $('m-name').value, retries: Number($('m-retries').value || 0), assert: { ...(more.assert || {}) } };
  const alerts = [...document.querySelectorAll('#m-channel-list input:checked')].map((i) => i.value);
  if (alerts.length > 0) monitor.alerts = alerts; else delete monitor.alerts;
  monitor.public = $('m-public').checked;
  if ($('m-group').value.trim()) monitor.group = $('m-group').value.trim();
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
  $('monitor-form').reset(); $('csrf').value = state.csrf; renderChannelChoice([]);
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
  $('m-public').checked = d.public === true; $('m-group').value = d.group || '';
  renderChannelChoice(d.alerts || []);
  if (d.cron !== undefined) $('m-interval').value = '';
  if (d.assert && Array.isArray(d.assert.status)) $('m-status').value = '';
  $('m-more').value = moreOf(d);
  $('m-more-box').open = $('m-more').value !== '';
}

const stateRank = { down: 0, pending: 1, maintenance: 2, up: 3 };
function sparkline(points, name) {
  const w = 120, h = 24;
  const root = svg('svg', { width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-label': `${name}: median response time over the last 24 hours`, class: 'sparkline' });
  if (points.length === 0) return root;
  const from = Date.now() - 86_400_000, top = Math.max(...points.map((p) => p.p50), 1);
  const xy = points.map((p) => [((p.at - from) / 86_400_000) * w, h - 2 - (p.p50 / top) * (h - 4)]);
  root.append(svg('polyline', { points: xy.map(([x, y]) => `${x},${y}`).join(' '), fill: 'none', stroke: '#1a73e8', 'stroke-width': 1.2 }));
  // The latest point as a dot, so a monitor with one bucket of data so far still shows something.
  const [lastX, lastY] = xy[xy.length - 1];
  root.append(svg('circle', { cx: Math.min(lastX, w - 2), cy: lastY, r: 2, fill: '#1a73e8' }));
  return root;
}

function renderMonitors(monitors) {
  $('empty-state').classList.toggle('hidden', monitors.length > 0);
  $('monitors').classList.toggle('hidden', monitors.length === 0);
  const sorted = monitors.slice().sort((a, b) => (stateRank[a.status] ?? 9) - (stateRank[b.status] ?? 9) || a.name.localeCompare(b.name));
  const body = $('monitors').querySelector('tbody');
  body.replaceChildren(...sorted.map((m) => el('tr', { 'data-monitor': m.name },
    el('td', {}, el('a', { href: `#/monitors/${m.id}` }, m.name)),
    el('td', { class: m.status, 'data-status': m.status }, m.status),
    el('td', {}, uptimeBar(m.days, m.name)),
    el('td', { class: 'num' }, m.lastResponseMs == null ? '–' : `${Math.round(m.lastResponseMs)} ms`),
    el('td', {}, sparkline(m.sparkline, m.name)),
    el('td', { class: 'num' }, pct(m.uptime['24h'])), el('td', { class: 'num' }, pct(m.uptime['7d'])), el('td', { class: 'num' }, pct(m.uptime['30d'])),
    el('td', {}, state.role === 'admin' ? el('span', {},
      el('button', { type: 'button', 'aria-label': `edit ${m.name}`, onclick: () => editMonitor(m) }, 'edit'), ' ',
      el('button', { type: 'button', 'aria-label': `delete ${m.name}`, onclick: async () => { if (confirm(`Delete ${m.name}?`)) { await api('DELETE', `/api/monitors/${m.id}`); refresh(); } } }, 'delete')) : ''))));
}

/** A line chart of series of [x, y] points in an inline SVG; red dots mark points flagged bad. */
function lineChart(series, opts) {
  const w = 900, h = 200, pad = 40;
  const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: '100%', role: 'img', 'aria-label': opts.label, id: opts.id });
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) { const t = svg('text', { x: pad, y: h / 2 }); t.textContent = 'no data yet'; root.append(t); return root; }
  const xs = all.map((p) => p.x), ys = all.map((p) => p.y);
  const x0 = opts.from ?? Math.min(...xs), x1 = opts.to ?? Math.max(...xs), y1 = Math.max(...ys, 1);
  const sx = (x) => pad + ((x - x0) / Math.max(1, x1 - x0)) * (w - 2 * pad);
  const sy = (y) => h - pad + 10 - (y / y1) * (h - 2 * pad);
  root.append(svg('line', { x1: pad, y1: h - pad + 10, x2: w - pad, y2: h - pad + 10, stroke: '#dadce0' }));
  const top = svg('text', { x: 2, y: sy(y1) + 4 }); top.textContent = `${Math.round(y1)}${opts.unit}`; root.append(top);
  for (const [at, anchor] of [[x0, 'start'], [x1, 'end']]) {
    const label = svg('text', { x: sx(at), y: h - 4, 'text-anchor': anchor }); label.textContent = time(at); root.append(label);
  }
  for (const s of series) {
    root.append(svg('polyline', { points: s.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' '), fill: 'none', stroke: s.colour, 'stroke-width': 1.5, class: s.name }));
    for (const p of s.points) if (p.bad) root.append(svg('circle', { cx: sx(p.x), cy: sy(p.y), r: 3, fill: '#c5221f', class: 'failure' }));
  }
  return root;
}

function renderIncidents(incidents) {
  const names = new Map(state.monitors.map((m) => [m.id, m.name]));
  $('incidents').querySelector('tbody').replaceChildren(...incidents.map((i) => el('tr', { 'data-open': i.closedAt == null ? 'yes' : 'no' },
    el('td', {}, i.id), el('td', {}, el('a', { href: `#/monitors/${i.monitorId}` }, names.get(i.monitorId) || i.monitorId)), el('td', {}, time(i.openedAt)),
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
  $('findings-chart').replaceChildren(lineChart([{ name: 'findings', colour: '#1a73e8', points }], { label: 'findings over time', unit: '', id: 'findings-svg' }));
}

const duration = (ms) => {
  const s = Math.round(ms / 1000);
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return s < 172_800 ? `${(s / 3600).toFixed(1)} h` : `${(s / 86_400).toFixed(1)} d`;
};

async function refreshOverview() {
  const [monitors, incidents, alerts, reports, windows] = await Promise.all([
    api('GET', '/api/monitors'), api('GET', '/api/incidents'), api('GET', '/api/alerts?limit=50'), api('GET', '/api/reports'), api('GET', '/api/maintenance')]);
  renderMaintenance(windows);
  state.monitors = monitors;
  if (!state.channels) { state.channels = await api('GET', '/api/channels'); renderChannelChoice(); }
  renderMonitors(monitors); renderIncidents(incidents); renderAlerts(alerts); renderReports(reports);
}

// A 7-day chart has 14-minute points and a 90-day one 3-hour points: redrawing them every 2 s would only
// make the database sort up to 780,000 durations again. They are fetched again after a minute; 24 h every time.
const seriesMaxAgeMs = { '24h': 0, '7d': 60_000, '30d': 60_000, '90d': 60_000 };
async function seriesOf(id) {
  const key = `${id}:${state.range}`;
  const cached = state.series;
  if (cached && cached.key === key && Date.now() - cached.at < seriesMaxAgeMs[state.range]) return cached.data;
  const data = await api('GET', `/api/monitors/${id}/series?range=${state.range}`);
  state.series = { key, at: Date.now(), data };
  return data;
}

async function refreshMonitor(id) {
  const [m, series] = await Promise.all([api('GET', `/api/monitors/${id}`), seriesOf(id)]);
  document.title = `${m.name} · faultline serve`;
  $('mv-title').textContent = m.name;
  const status = $('mv-status');
  status.textContent = m.maintenance ? `maintenance: ${m.maintenance} (checks go on; incidents and alerts are held)` : m.status;
  status.className = m.status; status.setAttribute('data-status', m.status);
  $('mv-last').textContent = m.lastResponseMs == null ? '–' : `${Math.round(m.lastResponseMs)} ms`;
  $('mv-target').textContent = (m.definition && (m.definition.url || m.definition.operation || m.definition.kind)) || '';
  $('mv-bar').replaceChildren(el('span', { class: 'muted' }, 'last 90 days '), uptimeBar(m.days, m.name));
  $('mv-uptime').textContent = pct(series.uptime);
  for (const button of document.querySelectorAll('.ranges button')) button.setAttribute('aria-pressed', String(button.dataset.range === state.range));
  const line = (name, colour) => ({ name, colour, points: series.points.map((p) => ({ x: p.at, y: p[name], bad: name === 'p50' && p.failed > 0 })) });
  $('latency-chart').replaceChildren(lineChart([line('p99', '#a50e0e'), line('p95', '#b06000'), line('p50', '#1a73e8')],
    { label: `response time of ${m.name} over ${state.range}: p50, p95 and p99 of ${series.points.length} buckets`, unit: ' ms', id: 'latency-svg', from: series.from, to: series.to }));
  $('mv-assertions').querySelector('tbody').replaceChildren(...m.assertions.map((a) => el('tr', {},
    el('td', {}, a.assertion), el('td', { class: a.ok ? 'up' : 'down' }, a.ok ? 'pass' : 'fail'), el('td', {}, a.detail || ''))));
  renderTimeline(m.incidents, series.from, series.to);
  $('mv-incidents').querySelector('tbody').replaceChildren(...m.incidents.map((i) => el('tr', { 'data-open': i.closedAt == null ? 'yes' : 'no' },
    el('td', {}, i.id), el('td', {}, time(i.openedAt)), el('td', {}, i.closedAt == null ? 'open' : time(i.closedAt)), el('td', {}, duration(i.durationMs)),
    el('td', {}, i.reason),
    el('td', {}, i.deliveries.length === 0 ? 'none' : el('ul', {}, ...i.deliveries.map((d) => el('li', {}, `${d.kind} → ${d.channel} (attempt ${d.attempt}): ${d.result}`)))))));
  const open = m.incidents.find((i) => i.closedAt == null);
  $('mv-note-form').classList.toggle('hidden', !open || state.role !== 'admin');
  // Filled once per incident, so a refresh never overwrites what is being typed.
  if (open && $('mv-note-form').dataset.incident !== String(open.id)) { $('mv-note-form').dataset.incident = String(open.id); $('mv-note').value = open.publicNote || ''; }
  $('mv-report-box').classList.toggle('hidden', !m.latestReport);
  if (m.latestReport) {
    const r = m.latestReport;
    $('mv-report').replaceChildren(`${time(r.createdAt)}: ${r.findings} findings. `, causes.filter((c) => r.scorecard[c]).map((c) => `${c} ${r.scorecard[c]}`).join(', ') || 'no cause scored', ' ',
      el('a', { href: `/api/reports/${r.id}` }, `report #${r.id} (JSON)`));
  }
}

const list = (text) => text.split(',').map((v) => v.trim()).filter(Boolean);

function renderMaintenance(windows) {
  $('maintenance-form').classList.toggle('hidden', state.role !== 'admin');
  $('maintenance').querySelector('tbody').replaceChildren(...windows.map((w) => el('tr', { 'data-window': w.name },
    el('td', {}, w.name),
    el('td', {}, [...(w.monitors || []), ...(w.groups || []).map((g) => `group ${g}`)].join(', ')),
    el('td', {}, w.cron ? `${w.cron} for ${duration(w.duration)}` : `${time(Date.parse(w.start))} – ${time(Date.parse(w.end))}`),
    el('td', {}, w.isActive ? 'on' : ''),
    el('td', {}, state.role === 'admin' && w.source === 'api'
      ? el('button', { type: 'button', 'aria-label': `delete ${w.name}`, onclick: async () => { await api('DELETE', `/api/maintenance/${w.id}`); refresh(); } }, 'delete')
      : w.source === 'config' ? 'faultline.yaml' : ''))));
}

$('maintenance-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('maintenance-error').textContent = '';
  const planned = { name: $('w-name').value.trim() };
  if (list($('w-monitors').value).length) planned.monitors = list($('w-monitors').value);
  if (list($('w-groups').value).length) planned.groups = list($('w-groups').value);
  // datetime-local is the browser's local time; the server keeps ISO instants.
  if ($('w-start').value) planned.start = new Date($('w-start').value).toISOString();
  if ($('w-end').value) planned.end = new Date($('w-end').value).toISOString();
  if ($('w-cron').value.trim()) planned.cron = $('w-cron').value.trim();
  if ($('w-duration').value.trim()) planned.duration = $('w-duration').value.trim();
  try {
    await api('POST', '/api/maintenance', planned);
    $('maintenance-form').reset();
    refresh();
  } catch (error) { $('maintenance-error').textContent = error.message; }
});

/** Incidents as bars along the chart's range, so their length reads at a glance. */
function renderTimeline(incidents, from, to) {
  const w = 900, h = 26;
  const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: '100%', role: 'img', class: 'timeline', id: 'incident-timeline',
    'aria-label': `${incidents.length} incidents; ${incidents.filter((i) => i.closedAt == null).length} open` });
  root.append(svg('line', { x1: 0, y1: h / 2, x2: w, y2: h / 2, stroke: '#dadce0' }));
  for (const i of incidents) {
    const end = i.closedAt ?? Date.now();
    if (end < from) continue;
    const start = Math.max(i.openedAt, from);
    root.append(svg('rect', { x: ((start - from) / (to - from)) * w, y: 4, width: Math.max(2, ((end - start) / (to - from)) * w), height: h - 8, class: i.closedAt == null ? 'open' : 'closed' }));
  }
  $('mv-timeline').replaceChildren(root);
}

$('mv-note-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api('PUT', `/api/incidents/${$('mv-note-form').dataset.incident}/note`, { note: $('mv-note').value });
    $('mv-note-result').textContent = 'saved: the status page shows it';
  } catch (error) { $('mv-note-result').textContent = error.message; }
});

// --- alert channels
async function refreshChannels() {
  const channels = await api('GET', '/api/channels');
  state.channels = channels;
  $('channels').querySelector('tbody').replaceChildren(...channels.map((c) => el('tr', { 'data-channel': c.name },
    el('td', {}, c.name), el('td', {}, c.type), el('td', {}, c.source === 'config' ? 'faultline.yaml' : 'dashboard'), el('td', {}, c.destination),
    el('td', {}, state.role !== 'admin' ? '' : el('span', {},
      el('button', { type: 'button', 'aria-label': `send test alert to ${c.name}`, onclick: () => testChannel(c.name) }, 'send test alert'),
      ...(c.source === 'api' ? [' ',
        el('button', { type: 'button', 'aria-label': `edit ${c.name}`, onclick: () => editChannel(c) }, 'edit'), ' ',
        el('button', { type: 'button', 'aria-label': `delete ${c.name}`, onclick: async () => { if (confirm(`Delete ${c.name}?`)) { await api('DELETE', `/api/channels/${c.id}`); refresh(); } } }, 'delete')] : []))))));
  renderChannelChoice();
}

async function testChannel(name) {
  $('channel-test-result').textContent = `sending a test alert to ${name}…`;
  try {
    const r = await api('POST', '/api/channels/test', { name });
    $('channel-test-result').textContent = r.ok ? `test alert to ${name} delivered: ${r.result}` : `test alert to ${name} not delivered: ${r.result}`;
    $('channel-test-result').className = r.ok ? 'up' : 'down';
  } catch (error) { $('channel-test-result').textContent = error.message; $('channel-test-result').className = 'down'; }
}

function showChannelFields() {
  const type = $('c-type').value;
  for (const node of document.querySelectorAll('#channel-form [data-for]')) node.classList.toggle('hidden', !node.dataset.for.split(' ').includes(type));
}
$('c-type').addEventListener('change', showChannelFields);

function resetChannelForm() {
  $('channel-form').reset(); $('c-id').value = ''; $('channel-editor-title').textContent = 'Add a channel'; $('c-cancel').classList.add('hidden');
  for (const id of ['c-url', 'c-headers', 'c-smtp-pass']) $(id).placeholder = '';
  showChannelFields();
}
$('c-cancel').addEventListener('click', resetChannelForm);

function editChannel(c) {
  resetChannelForm();
  $('c-id').value = c.id; $('channel-editor-title').textContent = `Edit ${c.name}`; $('c-cancel').classList.remove('hidden');
  $('c-name').value = c.name; $('c-type').value = c.type; $('c-retries').value = c.retries;
  // Secrets are write-only: the fields stay empty and say so.
  $('c-url').placeholder = 'unchanged (write-only)'; $('c-headers').placeholder = c.headerNames.length ? `unchanged: ${c.headerNames.join(', ')}` : '';
  if (c.smtp) {
    $('c-smtp-host').value = c.smtp.host; $('c-smtp-port').value = c.smtp.port; $('c-smtp-secure').checked = c.smtp.secure; $('c-smtp-user').value = c.smtp.user || '';
    $('c-smtp-pass').placeholder = c.smtp.hasPassword ? 'unchanged (write-only)' : '';
  }
  $('c-from').value = c.from || ''; $('c-to').value = [c.to || []].flat().join(', ');
  showChannelFields();
  $('c-name').focus();
}

function formChannel() {
  const channel = { name: $('c-name').value.trim(), type: $('c-type').value, retries: Number($('c-retries').value || 0) };
  if (channel.type === 'email') {
    channel.smtp = { host: $('c-smtp-host').value.trim(), port: Number($('c-smtp-port').value || 587), secure: $('c-smtp-secure').checked };
    if ($('c-smtp-user').value.trim()) channel.smtp.user = $('c-smtp-user').value.trim();
    if ($('c-smtp-pass').value) channel.smtp.pass = $('c-smtp-pass').value;
    channel.from = $('c-from').value.trim();
    channel.to = $('c-to').value.split(',').map((a) => a.trim()).filter(Boolean);
  } else {
    if ($('c-url').value.trim()) channel.url = $('c-url').value.trim();
    const headers = $('c-headers').value.trim();
    if (headers) {
      try { channel.headers = JSON.parse(headers); } catch (error) { throw new Error(`headers (JSON): ${error.message}`); }
    }
  }
  return channel;
}

$('channel-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('channel-error').textContent = '';
  try {
    const id = $('c-id').value;
    await api(id ? 'PUT' : 'POST', id ? `/api/channels/${id}` : '/api/channels', formChannel());
    resetChannelForm();
    refresh();
  } catch (error) { $('channel-error').textContent = error.message; }
});

/** The monitor form's channel choice: ticked names become `alerts`; none ticked keeps the default, all channels. */
function renderChannelChoice(selected) {
  const chosen = selected || [...document.querySelectorAll('#m-channel-list input:checked')].map((i) => i.value);
  $('m-channel-list').replaceChildren(...(state.channels || []).map((c) =>
    el('label', {}, el('input', { type: 'checkbox', value: c.name, ...(chosen.includes(c.name) ? { checked: '' } : {}) }), ` ${c.name}`)));
  $('m-channels').classList.toggle('hidden', !state.channels || state.channels.length === 0);
}

function currentRoute() {
  if (location.hash === '#/channels') return { view: 'channels' };
  const match = /^#\/monitors\/(\d+)/.exec(location.hash);
  return match ? { view: 'monitor', id: Number(match[1]) } : { view: 'overview' };
}

function route() {
  const r = currentRoute();
  $('overview-view').classList.toggle('hidden', r.view !== 'overview');
  $('monitor-view').classList.toggle('hidden', r.view !== 'monitor');
  $('channels-view').classList.toggle('hidden', r.view !== 'channels');
  $('channel-editor').classList.toggle('hidden', state.role !== 'admin');
  if (r.view === 'overview') document.title = 'faultline serve';
  refresh().then(() => { if (r.view === 'monitor') $('mv-title').focus(); });
}
window.addEventListener('hashchange', () => { if (!$('app').classList.contains('hidden')) route(); });
for (const button of document.querySelectorAll('.ranges button')) {
  button.addEventListener('click', () => { state.range = button.dataset.range; refresh(); });
}

/**
 * The tables are redrawn every 2 s; without this a keyboard user's focus would fall back to the page
 * on each redraw. The element with the same name (aria-label or text) takes the focus back.
 */
async function keepingFocus(redraw) {
  const active = document.activeElement;
  const nameOf = (node) => node.getAttribute('data-key') || node.getAttribute('aria-label') || node.textContent;
  const name = active && active !== document.body ? nameOf(active) : null;
  await redraw();
  if (name === null || document.contains(active)) return;
  const match = [...document.querySelectorAll(`#app ${active.tagName}`)].find((node) => nameOf(node) === name);
  if (!match) return;
  if (match.classList.contains('seg')) for (const seg of match.parentNode.children) seg.setAttribute('tabindex', seg === match ? '0' : '-1');
  match.focus();
}

async function refresh() {
  try {
    const r = currentRoute();
    const status = await api('GET', '/api/status');
    await keepingFocus(() => (r.view === 'monitor' ? refreshMonitor(r.id) : r.view === 'channels' ? refreshChannels() : refreshOverview()));
    showProblem(status.store.healthy ? '' : `The database refuses writes: ${status.store.pendingResults} results are kept in memory and will be written when it is back.`);
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

setInterval(() => { if (!$('app').classList.contains('hidden')) { showExpiry(); refresh(); } }, 2000);
fetch('/api/me', { credentials: 'same-origin' }).then(async (r) => (r.ok ? showApp(await r.json()) : showSignIn())).catch(showSignIn);
