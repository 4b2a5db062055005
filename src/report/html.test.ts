import { describe, expect, it } from 'vitest';
import { causeIds } from '../core/causes.js';
import { htmlReporter } from './html.js';
import { evidenceView, scriptSafeJson } from './html-evidence.js';
import { evidence, hostileBody, largeFindings, sampleReport } from './sample-report.test-helper.js';

describe('html reporter', () => {
  it('has a scorecard card for each of the eleven causes, failing only where there are findings', () => {
    const html = htmlReporter.render(sampleReport(), {});
    const cards = [...html.matchAll(/<button type="button" class="card (pass|fail)[^"]*" data-cause="([^"]+)"/g)];
    expect(cards.map((m) => m[2])).toEqual([...causeIds]);
    const failing = cards.filter((m) => m[1] === 'fail').map((m) => m[2]);
    expect(failing.sort()).toEqual(['insufficient-testing', 'poor-design-docs', 'public-exposure', 'session-management', 'unsecured-endpoints']);
    expect(html).toContain('class="card fail sev-critical" data-cause="unsecured-endpoints"');
  });

  it('renders every finding with its cause and severity as data attributes and the filters with test ids', () => {
    const html = htmlReporter.render(sampleReport(), {});
    expect(html.match(/<article class="finding /g)?.length).toBe(8);
    expect(html).toContain('data-cause="unsecured-endpoints" data-severity="critical" data-check="auth.unauthenticated-access"');
    expect(html).toContain('data-testid="filter-cause"');
    expect(html).toContain('data-testid="filter-severity"');
    expect(html).toContain('<span data-testid="visible-count">8</span>');
    expect(html).toContain('<code>specs/petstore.yaml:12 /paths/~1pets/get</code>');
  });

  it('keeps markup from API responses and findings inert', () => {
    const html = htmlReporter.render(sampleReport(), {});
    expect(html).not.toContain(hostileBody);
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img');
    expect(html).toContain('Secured operation answers without credentials &lt;b&gt;bold&lt;/b&gt;');
    // faultline's own two script elements, the evidence data and the page script, and nothing else.
    expect(html.match(/<script/g)?.length).toBe(2);
    expect(html.match(/<\/script/g)?.length).toBe(2);
  });

  it('embeds evidence as JSON that no hostile body can break out of, and reads back unchanged', () => {
    const html = htmlReporter.render(sampleReport(), {});
    const block = /<script type="application\/json" id="evidence-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(block).not.toContain('<');
    const data = JSON.parse(block) as Array<{ exchanges: Array<{ response: string }> } | null>;
    expect(data).toHaveLength(8);
    const critical = data[0];
    expect(critical?.exchanges[0]?.response).toContain('<script>window.__pwned = true</script>');
    // Control characters are shown as escapes there too.
    expect(critical?.exchanges[0]?.response).toContain('\\x1b[31mred');
    expect(html).toContain('<details class="evidence" data-evidence="0"><summary>Evidence (1)</summary>');
  });

  it('escapes quotes in attribute values so a hostile cause or check cannot add attributes', () => {
    const report = sampleReport();
    const first = report.findings[0] as (typeof report.findings)[number];
    const html = htmlReporter.render(sampleReport([{ ...first, check: 'x" onmouseover="alert(1)' }]), {});
    expect(html).not.toContain('onmouseover="alert(1)"');
    expect(html).toContain('data-check="x&quot; onmouseover=&quot;alert(1)"');
  });

  it('is self-contained: no external scripts, styles, fonts or images, and a CSP that forbids fetching', () => {
    const html = htmlReporter.render(sampleReport(), {});
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    // Links to the check pages are navigation the reader chooses, never a fetch when the page loads.
    expect(html).not.toMatch(/<(?!a\s)[a-z][^>]*\shref=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+';/);
  });

  it('cuts long bodies and keeps at most three exchanges per finding', () => {
    const view = evidenceView([...Array.from({ length: 5 }, () => evidence({ response: { status: 200, headers: {}, body: 'x'.repeat(10_000), bodyTruncated: true } }))]);
    expect(view.exchanges).toHaveLength(3);
    expect(view.more).toBe(2);
    expect(view.exchanges[0]?.response).toBe(`HTTP 200\n\n${'x'.repeat(2000)}`);
    expect(view.exchanges[0]?.responseCut).toBe('… 8000 more characters (see report.json); body truncated by the recorder');
    const noResponse = evidenceView([evidence({ response: null, error: 'socket hang up' })]).exchanges[0];
    expect(noResponse).toMatchObject({ response: 'No response.', error: 'socket hang up' });
  });

  it('writes every < in embedded JSON as an escape', () => {
    expect(scriptSafeJson({ body: '</script><!-- x' })).toBe('{"body":"\\u003c/script>\\u003c!-- x"}');
    expect(JSON.parse(scriptSafeJson({ body: '</script><!-- x' }))).toEqual({ body: '</script><!-- x' });
  });

  it('stays a reasonable size for 5,000 findings with large bodies', () => {
    const html = htmlReporter.render(sampleReport(largeFindings(5000, 5_000)), {});
    expect(html.match(/<article class="finding /g)?.length).toBe(5000);
    // Bodies are cut to 2,000 characters, so 5,000 findings stay near 15 MB however large the recorded bodies are.
    expect(html.length).toBeLessThan(20_000_000);
  });

  it('says there is nothing to show for a clean report, with every card passing', () => {
    const html = htmlReporter.render(sampleReport([]), {});
    expect(html.match(/class="card pass"/g)?.length).toBe(11);
    expect(html).toContain('<p class="empty" id="no-match">No findings.</p>');
  });
});
