import { describe, expect, it } from 'vitest';
import { specFromObject, specFromText } from '../spec/load.js';
import { driftReport } from './drift.js';
import { Learner } from './learner.js';
import { toOpenApi } from './to-openapi.js';
import type { TrafficSample } from './types.js';

const published = specFromText(
  [
    'openapi: 3.1.0',
    'info: { title: Shop, version: "1" }',
    'paths:',
    '  /orders/{id}:',
    '    get:',
    '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
    '      responses:',
    "        '200': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer }, total: { type: integer }, status: { type: string, enum: [open, paid] } } } } } }",
    '  /orders:',
    '    get:',
    '      responses:',
    "        '200': { description: ok }",
    '  /reports:',
    '    get:',
    '      responses:',
    "        '200': { description: ok }",
  ].join('\n'),
  'published.yaml',
);

function sample(method: string, path: string, status: number, body: unknown): TrafficSample {
  return { method, url: new URL(path, 'http://127.0.0.1:3000'), requestHeaders: [], status, responseHeaders: [], responseBody: { mediaType: 'application/json', text: JSON.stringify(body) } };
}

function learnt(samples: TrafficSample[]) {
  const learner = new Learner();
  for (const s of samples) learner.add(s);
  return specFromObject(toOpenApi(learner.finish(), { isListingValues: true }).document, 'learnt.yaml');
}

describe('driftReport', () => {
  it('reports what the published description leaves out or gets wrong, as poor-design-docs findings', () => {
    const traffic = learnt([
      ...[1, 2, 3].map((id) => sample('GET', `/orders/${id}`, 200, { id, total: 10.5, status: 'shipped', internalNote: 'x' })),
      sample('GET', '/orders/4', 404, { error: 'gone' }),
      sample('GET', '/orders?page=2', 200, []),
      sample('DELETE', '/orders/1', 204, ''),
      sample('GET', '/nothing-here', 404, {}),
    ]);
    const report = driftReport(published, traffic);
    const summary = report.findings.map((f) => `${f.check} ${f.operation}: ${f.detail}`);
    expect(summary).toEqual([
      "learn.undocumented-operation DELETE /orders/{orderId}: DELETE /orders/{orderId} was called 1 time(s) and answered 204, but the description has no such operation.",
      'learn.undocumented-status GET /orders/{id}: GET /orders/{id} answered 404 in the traffic, which its responses do not document.',
      "learn.undocumented-parameter GET /orders: Clients sent the query parameter 'page' to GET /orders, which does not document it.",
      "learn.undocumented-field GET /orders/{id}: response 200 (application/json) of GET /orders/{id} carried 'internalNote', which its schema does not document.",
      "learn.type-differs GET /orders/{id}: In response 200 (application/json) of GET /orders/{id}, 'total' is documented as integer but the traffic had number.",
      "learn.type-differs GET /orders/{id}: In response 200 (application/json) of GET /orders/{id}, 'status' had \"shipped\", not among the documented values.",
      'learn.operation-never-seen GET /reports: GET /reports is documented but was not called once in the traffic.',
    ]);
    expect(report.findings.every((f) => f.cause === 'poor-design-docs')).toBe(true);
    expect(report.findings.find((f) => f.check === 'learn.type-differs')?.location?.file).toBe('published.yaml');
    expect(report.stats).toMatchObject({ operationsDocumented: 3, operationsObserved: 4, operationsPaired: 2 });
  });

  it('is silent when the traffic matches the description', () => {
    const traffic = learnt([
      sample('GET', '/orders/1', 200, { id: 1, total: 10, status: 'open' }),
      sample('GET', '/orders', 200, []),
      sample('GET', '/reports', 200, {}),
    ]);
    expect(driftReport(published, traffic).findings).toEqual([]);
  });
});
