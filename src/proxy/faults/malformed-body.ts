import { z } from 'zod';
import { defineFault } from './define.js';

// Cut off mid-value: a JSON parser fails on it, a lenient client reads a half object.
const defaultBody = '{"id": 1, "items": [{"name": "trunc';

export const malformedBody = defineFault({
  type: 'malformed_body',
  summary: 'Replaces the response body with broken content (by default truncated JSON), keeping status and type',
  level: 'http',
  streams: ['downstream'],
  attributes: z.strictObject({
    body: z.string().max(65_536).default(defaultBody),
  }),
  onResponse(attributes, response) {
    const body = Buffer.from(attributes.body);
    for (const name of ['content-length', 'content-encoding', 'transfer-encoding', 'etag', 'content-md5']) delete response.headers[name];
    response.headers['content-length'] = String(body.length);
    return body;
  },
});
