// The 90-day uptime bar, shared by the dashboard and the public status page.
'use strict';

// The bar brings its own style, so both pages draw it alike.
document.head.append(Object.assign(document.createElement('style'), { textContent: `
  .bar { display: inline-flex; gap: 1px; align-items: stretch; height: 22px; }
  .bar .seg { width: 4px; border-radius: 1px; background: #dadce0; position: relative; }
  .bar .seg.good { background: #34a853; } .bar .seg.fair { background: #fbbc04; } .bar .seg.poor { background: #fa7b17; } .bar .seg.bad { background: #d93025; }
  .bar .seg:focus { outline: 2px solid #1a73e8; outline-offset: 1px; }
  .bar .seg:hover::after, .bar .seg:focus::after { content: attr(data-tip); position: absolute; bottom: 26px; left: -60px; white-space: nowrap;
    background: #1d2329; color: #fff; padding: 2px 6px; border-radius: 3px; font-size: 12px; z-index: 2; }` }));

/**
 * One segment per UTC day, coloured by uptime. Hover or focus shows the day's figure; the bar is one tab
 * stop and the arrow keys (Home, End) move along it, so 90 segments do not cost 90 presses of Tab.
 */
function uptimeBar(days, name) {
  const bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('data-bar', name);
  const shortDay = (ms) => new Date(ms).toLocaleDateString([], { timeZone: 'UTC', month: 'short', day: 'numeric' });
  days.forEach((d, i) => {
    const grade = d.uptime == null ? 'none' : d.uptime >= 99.9 ? 'good' : d.uptime >= 99 ? 'fair' : d.uptime >= 95 ? 'poor' : 'bad';
    const checks = d.checks === undefined ? '' : ` of ${d.checks} checks`;
    const tip = `${name}, ${shortDay(d.day)}: ${d.uptime == null ? 'no checks' : `${d.uptime.toFixed(2)} %${checks}`}`;
    const seg = document.createElement('span');
    seg.className = `seg ${grade}`;
    // data-key names the segment across redraws (its label changes with every check).
    for (const [k, v] of Object.entries({ role: 'img', 'aria-label': tip, 'data-tip': tip, 'data-key': `${name}:${d.day}`, tabindex: i === days.length - 1 ? '0' : '-1' })) seg.setAttribute(k, v);
    bar.append(seg);
  });
  bar.addEventListener('keydown', (event) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const segs = [...bar.children];
    const at = segs.indexOf(document.activeElement);
    const next = segs[Math.max(0, Math.min(segs.length - 1, (at < 0 ? segs.length - 1 : at) + step))];
    for (const seg of segs) seg.setAttribute('tabindex', seg === next ? '0' : '-1');
    next.focus();
  });
  return bar;
}
