import { errors } from 'undici';
import { describe, expect, it } from 'vitest';
import { BodyLimitError } from './interceptors/body-limit.js';
import { toTransportError } from './transport-error.js';

const live = { isDeadlineExpired: false, timeoutMs: 5000 };

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('toTransportError', () => {
  it.each([
    [new errors.HeadersTimeoutError(), 'TIMEOUT_HEADERS'],
    [new errors.BodyTimeoutError(), 'TIMEOUT_BODY'],
    [new errors.ConnectTimeoutError(), 'TIMEOUT_CONNECT'],
    [new errors.SocketError('other side closed'), 'CONNECTION_RESET'],
    [new errors.InvalidArgumentError('invalid header'), 'INVALID_REQUEST'],
    [new errors.ClientDestroyedError(), 'CLIENT_CLOSED'],
    [new errors.ResponseContentLengthMismatchError(), 'PROTOCOL_ERROR'],
    [withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'), 'CONNECTION_REFUSED'],
    [withCode('getaddrinfo ENOTFOUND x.invalid', 'ENOTFOUND'), 'DNS_FAILURE'],
    [withCode('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS_ERROR'],
    [withCode('Parse Error: Invalid header value char', 'HPE_INVALID_HEADER_TOKEN'), 'PROTOCOL_ERROR'],
    [withCode('incorrect header check', 'Z_DATA_ERROR'), 'DECOMPRESSION_FAILED'],
    [new BodyLimitError('DECOMPRESSION_BOMB', 'too big'), 'DECOMPRESSION_BOMB'],
  ])('maps %s to %s', (error, code) => {
    expect(toTransportError(error, live).code).toBe(code);
  });

  it('finds the code on a cause or inside an AggregateError', () => {
    const wrapped = new Error('fetch failed', { cause: withCode('reset', 'ECONNRESET') });
    expect(toTransportError(wrapped, live)).toEqual({ code: 'CONNECTION_RESET', message: 'reset' });
    const aggregate = new AggregateError([withCode('v6', 'ECONNREFUSED'), withCode('v4', 'ECONNREFUSED')], 'connect failed');
    expect(toTransportError(aggregate, live).code).toBe('CONNECTION_REFUSED');
  });

  it('reports an expired deadline as TIMEOUT_TOTAL whatever symptom it caused', () => {
    expect(toTransportError(new errors.SocketError('aborted'), { isDeadlineExpired: true, timeoutMs: 300 })).toEqual({
      code: 'TIMEOUT_TOTAL',
      message: 'no complete response within 300 ms',
    });
  });

  it('falls back to UNKNOWN with the original message', () => {
    expect(toTransportError(new Error('something odd'), live)).toEqual({ code: 'UNKNOWN', message: 'something odd' });
    expect(toTransportError('a string', live)).toEqual({ code: 'UNKNOWN', message: 'a string' });
  });
});
