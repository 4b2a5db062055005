import { defineCheck } from '../../define.js';
import type { AuditExchange, AuditServices, FindingDraft } from '../../types.js';
import { evidenceOf } from '../evidence.js';

const redirects = new Set([301, 302, 303, 307, 308]);
const maxHops = 5;

type Outcome = Omit<FindingDraft, 'operation' | 'evidence'> | null;

/** Follow the redirect chain that starts at `first`, same-origin only, and say what is wrong with it. */
async function follow(audit: AuditServices, first: AuditExchange, chain: AuditExchange[]): Promise<Outcome> {
  const target = new URL(audit.target);
  const basePath = target.pathname.replace(/\/+$/, '');
  const seen = new Set([new URL(first.request.url).href]);
  // Browsers (fetch) resend credentials on same-origin redirects, so the next hop gets them too.
  const headers = Object.fromEntries(Object.entries(first.request.headers).filter(([name]) => name !== 'content-type' && name !== 'content-length'));
  let current = first;
  for (let hop = 1; ; hop++) {
    const location = current.response!.headers['location'];
    if (!location) return { title: 'Redirect without a Location header', detail: `${current.response!.status} from ${new URL(current.request.url).pathname} has no Location header: there is nowhere to go.` };
    const next = new URL(location, current.request.url);
    if (next.origin !== target.origin || !next.pathname.startsWith(basePath)) {
      return { title: 'Redirect leaves the audited API (not followed)', severity: 'info', detail: `Redirects to ${next.href}, outside ${audit.target}; faultline does not send requests there.` };
    }
    if (seen.has(next.href)) return { title: 'Redirect loop', detail: `The chain comes back to ${next.pathname}${next.search}: clients loop until they give up.` };
    if (hop > maxHops) return { title: 'Redirect chain longer than 5 hops', detail: `Still redirecting after ${maxHops} hops; clients stop following long before it ends.` };
    seen.add(next.href);
    const exchange = await audit.probe({ method: 'GET', path: next.pathname.slice(basePath.length) + next.search, headers, operation: null, inputKind: 'probe' });
    if (!exchange) return null;
    chain.push(exchange);
    const status = exchange.response?.status;
    if (status === undefined) return { detail: `Following to ${next.pathname} failed: ${exchange.error?.code ?? 'no response'}.` };
    if (redirects.has(status)) {
      current = exchange;
      continue;
    }
    return status >= 400 ? { detail: `The redirect ends at ${next.pathname}${next.search}, which answers ${status}.` } : null;
  }
}

export const redirectBroken = defineCheck({
  id: 'urls.redirect-broken',
  cause: 'bad-urls',
  kind: 'audit',
  severity: 'medium',
  summary: 'Redirect leads to an error, loops or goes nowhere',
  explanation:
    'A redirect is a promise that the resource lives elsewhere. When the target is gone, the chain loops or has no Location, every client that follows redirects ends at an error page, and bookmarks and generated clients break without a clear cause.',
  remedy: 'Point the redirect at a page that exists (test the whole chain, not just the first 30x), break loops, keep chains to one hop, and always send Location with a 3xx.',
  async *run({ spec, audit }) {
    const seen = new Set<string>();
    const documented = new Set(spec.operations.map((op) => op.key));
    for (const exchange of [...audit.exchanges()]) {
      const operation = exchange.operation;
      if (!operation || !documented.has(operation) || seen.has(operation) || exchange.inputKind === 'invalid') continue;
      if (!redirects.has(exchange.response?.status ?? 0)) continue;
      seen.add(operation);
      const chain = [exchange];
      const outcome = await follow(audit, exchange, chain);
      if (outcome) yield { status: exchange.response!.status, ...outcome, operation, evidence: chain.map((e) => evidenceOf(e)) };
      else if (audit.remainingRequests() <= 0) return;
    }
  },
});
