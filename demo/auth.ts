import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem.js';
import { verifyDemoToken } from './tokens.js';
import type { DemoScope, TokenPolicy, VerifiedToken } from './tokens.js';

export type Caller = VerifiedToken;

/**
 * Authenticates the bearer token and checks one scope. Answers 401 or 403 itself (RFC 6750
 * `WWW-Authenticate`) and returns null in that case, so a handler just returns when it gets null.
 */
export async function authorize(
  request: FastifyRequest,
  reply: FastifyReply,
  scope: DemoScope | null,
  policy: TokenPolicy = {},
): Promise<Caller | null> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1] === undefined) {
    reply.header('WWW-Authenticate', 'Bearer realm="shop"');
    sendProblem(reply, 401, 'A bearer token is required.');
    return null;
  }
  const verified = await verifyDemoToken(match[1], policy);
  if (typeof verified === 'string') {
    const why = verified === 'expired' ? 'The token has expired.' : 'The token is not valid.';
    reply.header('WWW-Authenticate', `Bearer realm="shop", error="invalid_token", error_description="${why}"`);
    sendProblem(reply, 401, why);
    return null;
  }
  if (scope !== null && !verified.scopes.includes(scope)) {
    reply.header('WWW-Authenticate', `Bearer realm="shop", error="insufficient_scope", scope="${scope}"`);
    sendProblem(reply, 403, `This operation needs the '${scope}' scope.`);
    return null;
  }
  return verified;
}
