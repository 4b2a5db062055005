import { z } from 'zod';
import type { HeaderValue } from '../types.js';
import { defineFault } from './define.js';

const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'not a valid header name');

function edit(headers: Record<string, HeaderValue>, attributes: { set: Record<string, string>; remove: string[] }): void {
  for (const name of attributes.remove) delete headers[name.toLowerCase()];
  for (const [name, value] of Object.entries(attributes.set)) headers[name.toLowerCase()] = value;
}

export const httpHeader = defineFault({
  type: 'http_header',
  summary: 'Sets or removes headers on responses (downstream) or requests (upstream)',
  level: 'http',
  streams: ['downstream', 'upstream'],
  attributes: z.strictObject({
    set: z.record(headerName, z.string().regex(/^[^\r\n]*$/, 'a header value cannot hold a line break')).default({}),
    remove: z.array(headerName).default([]),
  }),
  onRequest(attributes, request, stream) {
    if (stream === 'upstream') edit(request.headers, attributes);
    return undefined;
  },
  onResponse(attributes, response, stream) {
    if (stream === 'downstream') edit(response.headers, attributes);
    return undefined;
  },
});
