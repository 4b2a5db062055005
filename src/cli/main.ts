import { Command, CommanderError } from 'commander';
import { FaultlineError, isFaultlineError } from '../core/errors.js';
import { faultlineVersion } from '../core/version.js';
import { exitCodes } from './exit.js';

// Each sub-command is imported only when it runs: `faultline lint` must not pay for Fastify, the store,
// the load generator or the queue client at start-up (that was half of linting a 4 MB spec).
const commandLoaders: Record<string, () => Promise<Command>> = {
  lint: async () => (await import('./commands/lint.js')).lintCommand(),
  audit: async () => (await import('./commands/audit.js')).auditCommand(),
  demo: async () => (await import('./commands/demo.js')).demoCommand(),
  checks: async () => (await import('./commands/checks.js')).checksCommand(),
  diff: async () => (await import('./commands/diff.js')).diffCommand(),
  init: async () => (await import('./commands/init.js')).initCommand(),
  load: async () => (await import('./commands/load.js')).loadCommand(),
  worker: async () => (await import('./commands/worker.js')).workerCommand(),
  proxy: async () => (await import('./commands/proxy.js')).proxyCommand(),
  serve: async () => (await import('./commands/serve.js')).serveCommand(),
  learn: async () => (await import('./commands/learn.js')).learnCommand(),
  explain: async () => (await import('./commands/explain.js')).explainCommand(),
  version: async () => (await import('./commands/version.js')).versionCommand(),
};

/** The program with the sub-command named in argv, or with all of them (for help and unknown names). */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('faultline')
    .description('Finds why an HTTP API will fail before its users do.')
    .version(faultlineVersion(), '-V, --version')
    .option('--debug', 'print stack traces for errors', false)
    .showHelpAfterError('(run faultline --help for usage)')
    .exitOverride();
  const named = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const names = named !== undefined && named in commandLoaders ? [named] : Object.keys(commandLoaders);
  for (const name of names) {
    const command = await commandLoaders[name]!();
    program.addCommand(command.exitOverride().showHelpAfterError());
  }
  return program;
}

/** The CLI entry: every error becomes one line on stderr and an exit code (2 for usage and input). */
export async function main(argv: readonly string[]): Promise<void> {
  const isDebug = argv.includes('--debug');
  try {
    const program = await buildProgram(argv);
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
