import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Finding, Report } from '../../core/finding.js';
import type { AnyCheck, Role } from '../../checks/types.js';
import { createHttpClient } from '../../http/client.js';
import { specFromObject } from '../../spec/load.js';
import { finalReport } from '../events.js';
import { runAudit } from './audit-runner.js';

export type Handler = (request: IncomingMessage & { body: string }, response: ServerResponse) => void | Promise<void>;

/** Start a real HTTP server on 127.0.0.1:0 whose handler sees the whole request body. */
export async function startServer(handler: Handler): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const withBody = Object.assign(request, { body: Buffer.concat(chunks).toString('utf8') });
      Promise.resolve(handler(withBody, response)).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(599);
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Run a whole audit (all traffic phases) with only the given checks against a live server. */
export async function auditWith(
  checks: readonly AnyCheck[],
  document: Record<string, unknown>,
  target: string,
  options: { roles?: Role[]; maxRequests?: number; timeoutMs?: number; seed?: number; isExposureProbing?: boolean } = {},
): Promise<Report> {
  const client = createHttpClient({ isUnsafeAllowed: false, timeoutMs: options.timeoutMs ?? 2000 });
  try {
    return await finalReport(
      runAudit({
        spec: specFromObject(document, 'test.json'),
        client,
        target,
        roles: options.roles ?? [],
        checks,
        budget: { maxRequests: options.maxRequests ?? 400, maxDurationMs: 60_000, timeoutMs: options.timeoutMs ?? 2000 },
        isDestructiveAllowed: true,
        isExposureProbing: options.isExposureProbing ?? true,
        seed: options.seed ?? 7,
      }),
    );
  } finally {
    await client.close();
  }
}

export function findingsOf(report: Report, check: string): Finding[] {
  return report.findings.filter((f) => f.check === check);
}
