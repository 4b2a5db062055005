import type { Operation } from '../../../spec/model.js';
import type { ProbeRequest } from '../../types.js';

export const wrongSecret = 'faultline-wrong-password';
const credentialWord = /(^|[-_.])(log-?in|sign-?in|tokens?|sessions?|password|passwd|otp|mfa|auth|oauth2?|authenticate)($|[-_.])/i;
const secretField = /pass|secret|otp|pin$|^code$/i;

/** A POST whose path names a login, token, session, password or one-time-code step. */
export function isCredentialOperation(operation: Operation): boolean {
  // resetPassword → reset-Password: camelCase words count as separate words too.
  return operation.method === 'post' && operation.path.split('/').some((segment) => credentialWord.test(segment.replace(/([a-z])([A-Z])/g, '$1-$2')));
}

/** The example request with every secret-looking field set to a wrong value, so the burst guesses instead of signing in. */
export function withWrongSecret(request: ProbeRequest): ProbeRequest {
  if (request.body === undefined) return request;
  if (/x-www-form-urlencoded/.test(request.headers?.['content-type'] ?? '')) {
    const form = new URLSearchParams(request.body);
    for (const key of [...form.keys()]) if (secretField.test(key)) form.set(key, wrongSecret);
    return { ...request, body: form.toString() };
  }
  try {
    const body = JSON.parse(request.body) as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return request;
    const changed = Object.fromEntries(Object.entries(body).map(([key, value]) => [key, secretField.test(key) && typeof value === 'string' ? wrongSecret : value]));
    return { ...request, body: JSON.stringify(changed) };
  } catch {
    return request;
  }
}
