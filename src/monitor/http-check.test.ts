import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monitorSchema } from '../config/schema.js';
import { Redactor } from '../core/redact.js';
import { createHttpClient } from '../http/client.js';
import { startTestServer } from '../http/test-support/hostile-server.js';
import type { TestServer } from '../http/test-support/hostile-server.js';
import type { HttpClient } from '../http/types.js';
import { specFromText } from '../spec/load.js';
import { createSchemaValidator } from '../spec/schema-validator.js';
import { runHttpCheck } from './http-check.js';

const spec = specFromText(`openapi: 3.0.3
info: { title: health, version: '1' }
paths:
  /health:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [status]
                properties:
                  status: { type: string, enum: [ok] }
`);

describe('HTTP check conformance', () => {
  let target: TestServer;
  let client: HttpClient;
  let body = '{"status":"ok"}';
  beforeEach(async () => {
    target = await startTestServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(body);
    });
    client = createHttpClient({ isUnsafeAllowed: false });
  });
  afterEach(async () => {
    await client.close();
    await target.close();
  });

  const check = () =>
    runHttpCheck(monitorSchema.parse({ name: 'health', operation: 'GET /health', assert: { conformance: true } }), {
      client,
      redactor: new Redactor([]),
      credentials: [],
      target: target.url,
      spec: { model: spec, validator: createSchemaValidator(spec) },
    });

  it('passes a response that matches the operation in the spec, sent to the target', async () => {
    const outcome = await check();
    expect(outcome.ok).toBe(true);
    expect(target.received[0]?.url).toBe('/health');
    expect(outcome.detail.assertions.find((a) => a.assertion === 'conformance')?.detail).toBe('matches GET /health in the spec');
  });

  it('fails a response whose body breaks the documented schema', async () => {
    body = '{"status":5}';
    const outcome = await check();
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatch(/^conformance: /);
  });
});
