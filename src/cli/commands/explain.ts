import { Command } from 'commander';
import { causes, isCauseId } from '../../core/causes.js';
import { closest } from '../../core/did-you-mean.js';
import { FaultlineError } from '../../core/errors.js';
import { allChecks } from '../../checks/registry.js';
import { explainCause, explainCheck } from '../../checks/explain/render.js';

/** The explanation of a check id or a cause, or a usage error (exit 2) that names the closest match. */
export function explain(name: string): string {
  const check = allChecks.find((candidate) => candidate.id === name);
  if (check) return explainCheck(check);
  if (isCauseId(name)) return explainCause(name, allChecks);
  const suggestion = closest(name, [...allChecks.map((candidate) => candidate.id), ...Object.keys(causes)]);
  throw new FaultlineError('E_USAGE', `unknown check or cause '${name}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; faultline checks lists them`, { location: { field: 'explain' } });
}

export function explainCommand(): Command {
  return new Command('explain')
    .description('explain a check (what, why, how to fix, how to reproduce, references, how to silence) or a cause')
    .argument('<id>', "a check id such as 'auth.jwt-alg-none', or a cause such as 'permissions'")
    .action((name: string) => {
      process.stdout.write(explain(name));
    });
}
