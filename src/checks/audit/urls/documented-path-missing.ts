import type { Operation } from '../../../spec/model.js';
import { pathValues } from '../../../spec/path-template.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange, LearnedValue } from '../../types.js';
import { evidenceOf } from '../evidence.js';

/** Where each path value came from ('the spec example', 'an id learnt from POST /orders'), or null if generated. */
function valueSources(op: Operation, exchange: AuditExchange, learned: readonly LearnedValue[]): string[] | null {
  const values = pathValues(op.path, new URL(exchange.request.url).pathname);
  if (!values) return null;
  const sources: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const parameter = op.parameters.find((p) => p.in === 'path' && p.name === name);
    const examples = parameter ? [parameter.example, ...parameter.examples].filter((e) => e !== undefined).map(String) : [];
    // Only a value the API handed out for this very collection says the resource exists; a field of the
    // same name learnt elsewhere (a product's 'name' for a category's {name}) says nothing.
    const collection = op.path.slice(0, op.path.indexOf(`{${name}}`)).replace(/\/$/, '');
    const learnt = learned.find((l) => String(l.value) === value && l.collection === collection);
    if (examples.includes(value)) sources.push(`${name}=${value} is the spec's example`);
    else if (learnt) sources.push(`${name}=${value} was handed out by ${learnt.operation}`);
    else return null;
  }
  return sources;
}

export const documentedPathMissing = defineCheck({
  id: 'urls.documented-path-missing',
  cause: 'bad-urls',
  kind: 'audit',
  severity: 'high',
  summary: 'Documented operation answers 404 or 405',
  explanation:
    'The spec promises an operation the server does not route: a path renamed or never deployed, a prefix lost in a proxy, a method left out. Every client built from the spec fails on it, and a 404 looks like "no data" rather than "wrong URL".',
  remedy: 'Route the documented path and method (check proxy prefixes and trailing slashes), or correct or remove the operation in the spec; add a contract test that calls every documented operation.',
  *run({ spec, audit }) {
    const learned = audit.learned();
    for (const op of spec.operations) {
      // Generated fuzz bodies may name resources that do not exist; only example-built requests count.
      const exchange = audit.exchanges().find((e) => e.operation === op.key && e.inputKind === 'valid' && e.phase !== 'fuzz' && (e.response?.status === 404 || e.response?.status === 405));
      if (!exchange) continue;
      // Reached with another value: the route exists, that one resource did not.
      if (audit.exchanges().some((e) => e.operation === op.key && e.inputKind === 'valid' && e.response && e.response.status >= 200 && e.response.status < 300)) continue;
      const status = exchange.response!.status;
      const sources = op.path.includes('{') ? valueSources(op, exchange, learned) : [];
      // 405 is about the method, whatever the values; a 404 for a made-up id only says the id is unknown.
      if (status === 404 && sources === null) continue;
      const because = sources && sources.length > 0 ? ` (${sources.join('; ')}, so the resource should exist)` : '';
      yield {
        operation: op.key,
        status,
        detail: `${exchange.request.method} ${new URL(exchange.request.url).pathname} answered ${status}${status === 405 ? ' (method not routed)' : ''} to a request built from the spec's examples${because}.`,
        evidence: [evidenceOf(exchange)],
      };
    }
  },
});
