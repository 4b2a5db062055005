import { createHmac } from 'node:crypto';
import type { JWTPayload } from 'jose';

const hmacHashes: Readonly<Record<string, string>> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** The node:crypto hash behind an HMAC JWT algorithm, or undefined for any other algorithm. */
export function hmacHash(alg: unknown): string | undefined {
  return typeof alg === 'string' ? hmacHashes[alg] : undefined;
}

function encodePart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Sign `claims` under `header` (an HS* algorithm) with `secret`, as anyone who knows the secret can. */
export function signHmacToken(header: Record<string, unknown>, claims: JWTPayload, secret: string): string {
  const hash = hmacHash(header['alg']) ?? 'sha256';
  const signingInput = `${encodePart(header)}.${encodePart(claims)}`;
  return `${signingInput}.${createHmac(hash, secret).update(signingInput).digest('base64url')}`;
}

/** The same claims under `{"alg":"none"}` with an empty signature (RFC 7519 §6 unsecured JWT). */
export function unsignedToken(claims: JWTPayload): string {
  return `${encodePart({ alg: 'none', typ: 'JWT' })}.${encodePart(claims)}.`;
}

/**
 * The token with its signature changed. The first character is flipped: the last one may only carry
 * padding bits, so changing it can leave the decoded signature the same.
 */
export function withAlteredSignature(token: string): string {
  const dot = token.lastIndexOf('.');
  const signature = token.slice(dot + 1);
  if (signature.length === 0) return `${token}AAAA`;
  const first = signature[0] === 'A' ? 'B' : 'A';
  return `${token.slice(0, dot + 1)}${first}${signature.slice(1)}`;
}
