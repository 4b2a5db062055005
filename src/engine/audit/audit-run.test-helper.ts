import type { Report } from '../../core/finding.js';
import type { AnyCheck, Role } from '../../checks/types.js';
import { createHttpClient } from '../../http/client.js';
import { specFromObject } from '../../spec/load.js';
import { finalReport, type EngineEvent } from '../events.js';
import { runAudit } from './audit-runner.js';

export interface RunOptions {
  readonly checks?: readonly AnyCheck[];
  readonly roles?: Role[];
  readonly maxRequests?: number;
  readonly maxDurationMs?: number;
  readonly timeoutMs?: number;
  readonly isDestructiveAllowed?: boolean;
  readonly seed?: number;
}

/** Run a whole audit with every knob of the budget and safety exposed, keeping the events it emitted. */
export async function runWith(document: Record<string, unknown>, target: string, options: RunOptions = {}): Promise<{ report: Report; events: EngineEvent[] }> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const client = createHttpClient({ isUnsafeAllowed: false, timeoutMs });
  const events: EngineEvent[] = [];
  try {
    const report = await finalReport(
      runAudit({
        spec: specFromObject(document, 'test.json'),
        client,
        target,
        roles: options.roles ?? [],
        checks: options.checks ?? [],
        budget: { maxRequests: options.maxRequests ?? 400, maxDurationMs: options.maxDurationMs ?? 60_000, timeoutMs },
        isDestructiveAllowed: options.isDestructiveAllowed ?? true,
        isExposureProbing: false,
        seed: options.seed ?? 7,
      }),
      (event) => events.push(event),
    );
    return { report, events };
  } finally {
    await client.close();
  }
}
