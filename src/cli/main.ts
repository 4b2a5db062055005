import { Command, CommanderError } from 'commander';
import { FaultlineError, isFaultlineError } from '../core/errors.js';
import { faultlineVersion } from '../core/version.js';
import { auditCommand } from './commands/audit.js';
import { checksCommand } from './commands/checks.js';
import { demoCommand } from './commands/demo.js';
import { initCommand } from './commands/init.js';
import { diffCommand } from './commands/diff.js';
import { lintCommand } from './commands/lint.js';
import { proxyCommand } from './commands/proxy.js';
import { loadCommand } from './commands/load.js';
import { workerCommand } from './commands/worker.js';
import { serveCommand } from './commands/serve.js';
import { exitCodes } from './exit.js';

export function buildProgram(): Command {
  const program = new Command('faultline')
    .description('Finds why an HTTP API will fail before its users do.')
    .version(faultlineVersion(), '-V, --version')
    .option('--debug', 'print stack traces for errors', false)
    .showHelpAfterError('(run faultline --help for usage)')
    .exitOverride();
  for (const command of [lintCommand(), auditCommand(), demoCommand(), checksCommand(), diffCommand(), initCommand(), loadCommand(), workerCommand(), proxyCommand(), serveCommand()]) {
    program.addCommand(command.exitOverride().showHelpAfterError());
  }
  return program;
}

/** The CLI entry: every error becomes one line on stderr and an exit code (2 for usage and input). */
export async function main(argv: readonly string[]): Promise<void> {
  const program = buildProgram();
  const isDebug = argv.includes('--debug');
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    process.exitCode = report(error, isDebug);
  }
}

function report(error: unknown, isDebug: boolean): number {
  if (error instanceof CommanderError) {
    // help and version are "errors" to commander's exitOverride; they already printed.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return exitCodes.ok;
    return exitCodes.usage;
  }
  if (isFaultlineError(error)) {
    process.stderr.write(`faultline: ${error.toLine()}\n`);
    if (isDebug && error.cause instanceof Error) process.stderr.write(`${error.cause.stack ?? ''}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`faultline: internal error: ${message}${isDebug ? '' : ' (run with --debug for details)'}\n`);
  if (isDebug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  return new FaultlineError('E_INTERNAL', message).exitCode;
}
