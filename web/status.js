// The public status page: reads /api/public/status only (no sign-in) and refreshes every 30 s.
'use strict';

const overallText = {
  operational: 'All systems operational',
  disrupted: 'Some systems are down',
  maintenance: 'Scheduled maintenance in progress',
};

function node(tag, className, text) {
  const n = document.createElement(tag);
  if (className) n.className = className;
  if (text !== undefined) n.textContent = text;
  return n;
}

function render(status) {
  const overall = document.getElementById('overall');
  overall.className = status.overall;
  overall.textContent = overallText[status.overall] || status.overall;
  const incidents = document.getElementById('incidents');
  incidents.replaceChildren(...status.incidents.map((i) => {
    const item = node('li', '', `${i.monitor}: since ${new Date(i.openedAt).toLocaleString()}`);
    item.setAttribute('data-incident', i.monitor);
    if (i.note) item.append(node('p', 'note', i.note));
    return item;
  }));
  document.getElementById('incidents-box').hidden = status.incidents.length === 0;
  document.getElementById('groups').replaceChildren(...status.groups.map((group) => {
    const section = node('section');
    section.append(node('h2', '', group.name));
    for (const m of group.monitors) {
      const row = node('div', 'monitor');
      row.setAttribute('data-monitor', m.name);
      row.append(node('span', 'name', m.name), node('span', `state ${m.state}`, m.state), uptimeBar(m.days, m.name),
        node('span', 'muted', m.uptime90d == null ? 'no checks yet' : `${m.uptime90d.toFixed(2)} % in 90 days`));
      section.append(row);
    }
    return section;
  }));
  document.getElementById('updated').textContent = `Updated ${new Date(status.at).toLocaleString()}`;
}

async function load() {
  try {
    const response = await fetch('/api/public/status', { headers: { accept: 'application/json' } });
    if (response.ok) render(await response.json());
  } catch {
    document.getElementById('updated').textContent = 'The status could not be refreshed; this is what was last loaded.';
  }
}

load();
setInterval(load, 30_000);
