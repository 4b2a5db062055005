import type { Operation } from '../../../spec/model.js';
import { defineCheck } from '../../define.js';
import type { AuditExchange, AuditServices } from '../../types.js';
import { evidenceOf, isSuccess } from '../evidence.js';
import { byFamily, credentialsFrom, isLogoutOperation, loginOperations, sessionReadOperations } from './session-operations.js';

const maxReadsTried = 3;

async function send(audit: AuditServices, op: Operation, headers: Record<string, string>): Promise<AuditExchange | null> {
  const request = audit.requestFor(op, { role: null, headers });
  return request ? audit.probe({ ...request, inputKind: 'probe' }) : null;
}

export const aliveAfterLogout = defineCheck({
  id: 'session.alive-after-logout',
  cause: 'session-management',
  kind: 'audit',
  severity: 'high',
  summary: 'Session still works after logout',
  explanation:
    'Logout that only clears the cookie in the browser leaves the session valid on the server: anyone who copied the cookie or token (a shared computer, a proxy log, an XSS) keeps the account after the user signed out.',
  remedy: 'On logout, delete or revoke the session (or token) on the server, so the old cookie or token gets 401. For stateless tokens keep a deny-list until they expire, and keep their lifetime short.',
  async *run({ spec, audit }) {
    if (!audit.isDestructiveAllowed) return;
    const logouts = spec.operations.filter(isLogoutOperation);
    const reads = sessionReadOperations(spec);
    if (logouts.length === 0 || reads.length === 0) return;
    for (const loginOp of loginOperations(spec)) {
      const logoutOp = byFamily(logouts, loginOp)[0]!;
      const loginRequest = audit.requestFor(loginOp, { role: null });
      const login = loginRequest ? await audit.probe({ ...loginRequest, inputKind: 'valid' }) : null;
      if (!login) return;
      const credentials = credentialsFrom(login);
      if (!credentials) continue;
      let read: AuditExchange | null = null;
      let readOp: Operation | undefined;
      for (const candidate of byFamily(reads, loginOp).slice(0, maxReadsTried)) {
        read = await send(audit, candidate, credentials);
        if (!read) return;
        if (isSuccess(read)) {
          readOp = candidate;
          break;
        }
      }
      if (!readOp || !read) continue;
      const logout = await send(audit, logoutOp, credentials);
      if (!logout) return;
      if (!isSuccess(logout)) continue;
      const after = await send(audit, readOp, credentials);
      if (!after) return;
      if (!isSuccess(after)) continue;
      // A read that answers anyone proves nothing about the session.
      const anonymous = await send(audit, readOp, {});
      if (!anonymous || isSuccess(anonymous)) continue;
      yield {
        operation: logoutOp.key,
        status: after.response!.status,
        detail: `After ${loginOp.key} and ${logoutOp.key} (${logout.response!.status}), ${readOp.key} still answered ${after.response!.status} to the old ${Object.keys(credentials).join(' and ')} (without credentials it answers ${anonymous.response!.status}). Expected 401.`,
        evidence: [evidenceOf(login, 'login'), evidenceOf(read, 'session read before logout'), evidenceOf(logout, 'logout'), evidenceOf(after, 'same credentials after logout')],
      };
    }
  },
});
