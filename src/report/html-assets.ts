// The report's only CSS and JS. Both are inlined and allowed by hash in the page's CSP, which also
// forbids every fetch (default-src 'none'): the report must open offline and never call home.

export const reportCss = `
:root{--fg:#1d2330;--muted:#5b6475;--bg:#f6f7f9;--card:#fff;--line:#dde1e8;
--critical:#a4161a;--high:#d9480f;--medium:#e0a100;--low:#1c7ed6;--info:#868e96;--pass:#2b8a3e}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
.page{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}
.meta-line{color:var(--muted);margin:0 0 2px;overflow-wrap:anywhere}
.totals{font-weight:600;margin:12px 0 16px}
.warning{background:#fff4e0;border:1px solid var(--medium);border-left:6px solid var(--medium);border-radius:6px;padding:8px 12px;font-weight:600}
.coverage summary{cursor:pointer}.coverage summary h2{display:inline;font-size:17px}
.coverage table{border-collapse:collapse;width:100%;background:var(--card);margin:8px 0 18px;font-size:13px}
.coverage th,.coverage td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
.coverage td.num{text-align:right}.coverage tr.unreached td:first-child{border-left:4px solid var(--high)}
.status{font:12px ui-monospace,monospace;padding:0 3px;border-radius:3px;background:#eef}.status.s2xx{background:#e6f4ea}
.status.s4xx{background:#fff4e0}.status.s5xx{background:#fde2e1}
.matrix h2{font-size:17px;margin:18px 0 4px}.pm-summary{color:var(--muted);margin:0 0 6px}
.pm-scroll{overflow-x:auto}.pm-grid{border-collapse:collapse;background:var(--card);font-size:12px;margin:6px 0}
.pm-grid th,.pm-grid td{border:1px solid var(--line);padding:3px 6px;text-align:left;white-space:nowrap}
.pm-group th{background:#eef1f5;font-weight:600}.pm-requires{color:var(--muted)}
.pm-cell{text-align:center;min-width:78px}.pm-cell a{color:inherit;text-decoration:none;display:block}
.pm-status{font-weight:700;margin-right:4px}.pm-verdict{font-size:11px}
.pm-allowed{background:#e6f4ea}.pm-denied{background:#eef3fb}.pm-violation{background:var(--critical);color:#fff}
.pm-over-denied{background:#ffe8cc}.pm-error{background:#fde2e1;color:var(--critical)}.pm-untested{background:#f1f3f5;color:var(--muted)}
.pm-legend .pm-cell{display:inline-block;padding:1px 6px;border-radius:3px;font-size:11px;min-width:0}
.pm-filter{display:inline-block;margin:4px 0}
.scorecard{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:10px;margin-bottom:18px}
.card{all:unset;cursor:pointer;display:flex;flex-direction:column;gap:4px;padding:10px 12px;background:var(--card);
border:1px solid var(--line);border-left:6px solid var(--pass);border-radius:6px}
.card:focus-visible{outline:2px solid var(--low);outline-offset:2px}
.card[aria-pressed="true"]{box-shadow:0 0 0 2px var(--fg)}
.card-title{font-weight:600}
.card-status{font-size:12px;font-weight:700;letter-spacing:.04em}
.card.pass .card-status{color:var(--pass)}
.card.fail .card-status{color:var(--critical)}
.card-counts{font-size:12px;color:var(--muted)}
.card.sev-critical{border-left-color:var(--critical)}.card.sev-high{border-left-color:var(--high)}
.card.sev-medium{border-left-color:var(--medium)}.card.sev-low{border-left-color:var(--low)}.card.sev-info{border-left-color:var(--info)}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:14px;padding:10px 12px;background:var(--card);
border:1px solid var(--line);border-radius:6px;margin-bottom:14px;position:sticky;top:0;z-index:1}
.filters select,.filters button{font:inherit;padding:3px 6px}
.shown{margin-left:auto;color:var(--muted)}
.finding{content-visibility:auto;contain-intrinsic-size:auto 160px;background:var(--card);border:1px solid var(--line);border-left:6px solid var(--info);border-radius:6px;padding:10px 14px;margin-bottom:10px}
/* A link from the matrix lands on a finding below the sticky filters, and marks which one it is. */
.finding{scroll-margin-top:72px}.finding:target{box-shadow:0 0 0 2px var(--fg)}
.finding.sev-critical{border-left-color:var(--critical)}.finding.sev-high{border-left-color:var(--high)}
.finding.sev-medium{border-left-color:var(--medium)}.finding.sev-low{border-left-color:var(--low)}
.finding h3{display:inline;font-size:15px;margin:0}
.badge{display:inline-block;min-width:64px;text-align:center;font-size:11px;font-weight:700;text-transform:uppercase;
color:#fff;border-radius:3px;padding:1px 6px;margin-right:8px;background:var(--info)}
.badge.sev-critical{background:var(--critical)}.badge.sev-high{background:var(--high)}
.badge.sev-medium{background:var(--medium);color:#222}.badge.sev-low{background:var(--low)}
.facts{display:flex;flex-wrap:wrap;gap:4px 16px;margin:6px 0;padding:0;color:var(--muted);font-size:13px}
.facts div{display:flex;gap:4px}.facts dt{font-weight:600}.facts dd{margin:0;overflow-wrap:anywhere}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.detail,.remedy{margin:6px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.remedy strong{color:var(--pass)}
details{margin-top:6px}summary{cursor:pointer;color:var(--low)}
pre{background:#f1f3f5;border:1px solid var(--line);border-radius:4px;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere;max-height:320px;overflow:auto}
.exchange h4{margin:8px 0 2px;font-size:12px;text-transform:uppercase;color:var(--muted)}
.cut{color:var(--muted);font-style:italic}
.empty{color:var(--muted);padding:20px;text-align:center}
footer{color:var(--muted);font-size:12px;margin-top:24px}
`;

export const reportJs = `
(function () {
  'use strict';
  var rank = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
  var causeSelect = document.querySelector('[data-testid="filter-cause"]');
  var severitySelect = document.querySelector('[data-testid="filter-severity"]');
  var resetButton = document.querySelector('[data-testid="filter-reset"]');
  var visibleCount = document.querySelector('[data-testid="visible-count"]');
  var empty = document.getElementById('no-match');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card[data-cause]'));
  function apply() {
    var cause = causeSelect.value;
    var minimum = severitySelect.value;
    var shown = 0;
    for (var i = 0; i < findings.length; i++) {
      var el = findings[i];
      var match = (cause === '' || el.getAttribute('data-cause') === cause) &&
        (minimum === '' || rank[el.getAttribute('data-severity')] >= rank[minimum]);
      el.hidden = !match;
      if (match) shown++;
    }
    visibleCount.textContent = String(shown);
    empty.hidden = shown !== 0;
    cards.forEach(function (card) {
      card.setAttribute('aria-pressed', String(card.getAttribute('data-cause') === cause));
    });
  }
  cards.forEach(function (card) {
    card.addEventListener('click', function () {
      var cause = card.getAttribute('data-cause');
      causeSelect.value = causeSelect.value === cause ? '' : cause;
      apply();
    });
  });
  causeSelect.addEventListener('change', apply);
  severitySelect.addEventListener('change', apply);
  var evidence = null;
  function section(parent, title, text, cut, className) {
    var heading = document.createElement('h4');
    heading.textContent = title;
    var pre = document.createElement('pre');
    if (className) pre.className = className;
    pre.textContent = text;
    parent.appendChild(heading);
    parent.appendChild(pre);
    if (cut) {
      var note = document.createElement('p');
      note.className = 'cut';
      note.textContent = cut;
      parent.appendChild(note);
    }
  }
  function renderEvidence(details) {
    if (evidence === null) evidence = JSON.parse(document.getElementById('evidence-data').textContent || '[]');
    var view = evidence[Number(details.getAttribute('data-evidence'))];
    if (!view) return;
    view.exchanges.forEach(function (exchange) {
      var box = document.createElement('div');
      box.className = 'exchange';
      section(box, 'Request', exchange.request, exchange.requestCut);
      section(box, 'Response', exchange.response, exchange.responseCut);
      if (exchange.error) section(box, 'Error', exchange.error);
      if (exchange.note) section(box, 'Note', exchange.note);
      section(box, 'Reproduce', exchange.curl, null, 'curl');
      details.appendChild(box);
    });
    if (view.more > 0) {
      var more = document.createElement('p');
      more.className = 'cut';
      more.textContent = view.more + ' more exchange' + (view.more === 1 ? '' : 's') + ' in report.json';
      details.appendChild(more);
    }
  }
  // toggle does not bubble, so listen in the capture phase for every <details> at once.
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.open || !details.hasAttribute('data-evidence') || details.hasAttribute('data-rendered')) return;
    details.setAttribute('data-rendered', 'true');
    renderEvidence(details);
  }, true);
  var violationsOnly = document.querySelector('[data-testid="matrix-violations-only"]');
  if (violationsOnly) {
    violationsOnly.addEventListener('change', function () {
      var rows = document.querySelectorAll('.pm-row');
      for (var r = 0; r < rows.length; r++) rows[r].hidden = violationsOnly.checked && rows[r].getAttribute('data-violation') !== 'true';
      var groups = document.querySelectorAll('.pm-group');
      for (var g = 0; g < groups.length; g++) {
        var next = groups[g].nextElementSibling;
        var any = false;
        while (next && next.classList.contains('pm-row')) {
          if (!next.hidden) any = true;
          next = next.nextElementSibling;
        }
        groups[g].hidden = !any;
      }
    });
  }
  // A matrix cell links to its finding; if the filters hide that finding, show every finding first.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('.pm-cell a');
    if (!link) return;
    var target = document.getElementById(link.getAttribute('href').slice(1));
    if (target && target.hidden) resetButton.click();
  });
  resetButton.addEventListener('click', function () {
    causeSelect.value = '';
    severitySelect.value = '';
    apply();
  });
  apply();
})();
`;
