import type { Finding, Report } from '../core/finding.js';
import { faultlineVersion } from '../core/version.js';
import type { Check, FindingDraft } from '../checks/types.js';
import type { SpecModel } from '../spec/model.js';
import type { EngineEvent } from './events.js';
import { toFinding } from './findings.js';

/** Run the lint checks over a spec and collect their findings, with file and line attached. */
export async function collectLintFindings(
  spec: SpecModel,
  checks: readonly Check<'lint'>[],
  onCrash: (check: string, message: string) => void,
): Promise<Finding[]> {
  const drafts: { check: Check<'lint'>; draft: FindingDraft }[] = [];
  for (const check of checks) {
    try {
      for await (const draft of check.run({ spec })) drafts.push({ check, draft });
    } catch (error) {
      // One broken check must not cost the user the rest of the report.
      onCrash(check.id, error instanceof Error ? error.message : String(error));
    }
  }
  const locations = spec.locate([...new Set(drafts.flatMap(({ draft }) => (draft.pointer !== undefined ? [draft.pointer] : [])))]);
  return drafts.map(({ check, draft }) => toFinding(check, draft, draft.pointer !== undefined ? locations.get(draft.pointer) : undefined));
}

export async function* runLint(spec: SpecModel, checks: readonly Check<'lint'>[]): AsyncGenerator<EngineEvent> {
  const startedAt = new Date().toISOString();
  yield { type: 'run-started', kind: 'lint', checks: checks.length, operations: spec.operations.length };
  yield { type: 'phase-started', phase: 'lint', planned: checks.length };
  const crashes: { check: string; message: string }[] = [];
  const findings = await collectLintFindings(spec, checks, (check, message) => crashes.push({ check, message }));
  for (const crash of crashes) yield { type: 'check-crashed', ...crash };
  for (const finding of findings) yield { type: 'finding', finding };
  yield { type: 'phase-finished', phase: 'lint', requests: 0, findings: findings.length };
  const report: Report = {
    schema: 'faultline/report@1',
    tool: { name: 'faultline', version: faultlineVersion() },
    kind: 'lint',
    startedAt,
    finishedAt: new Date().toISOString(),
    spec: specSummary(spec),
    findings,
    stats: { operations: spec.operations.length, checks: checks.length, findings: findings.length },
    notes: crashes.map((c) => `check ${c.check} crashed: ${c.message}`),
  };
  yield { type: 'run-finished', report };
}

export function specSummary(spec: SpecModel): NonNullable<Report['spec']> {
  return {
    source: spec.source,
    openapi: spec.specVersion,
    ...(spec.info.title !== undefined ? { title: spec.info.title } : {}),
    ...(spec.info.version !== undefined ? { version: spec.info.version } : {}),
  };
}
