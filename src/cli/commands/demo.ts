import { Command } from 'commander';
import { startInventory } from '../../../demo/inventory.js';
import { demoSpecPath, startDemoApi } from '../../../demo/shop.js';
import { demoCredentials } from '../../../demo/tokens.js';
import { exitCodeFor, parseFailOn } from '../exit.js';
import { collect } from '../options.js';
import { emitReport, parseFormat } from '../output.js';
import { describeProxy, startProxies } from '../dependency-proxies.js';
import { runAuditFromInput } from './audit.js';

export function demoCommand(): Command {
  return new Command('demo')
    .description('start the bundled demo shop API on 127.0.0.1, audit it, and write the reports')
    .option('-o, --out <dir>', 'where the reports go', 'faultline-report')
    .option('-f, --format <format>', 'stdout format: terminal, json, html, junit, sarif, csv (the permission matrix)', 'terminal')
    .option('--matrix', 'print the permission matrix in the terminal', false)
    .option('--only <ids>', 'run only these checks or causes', collect, [])
    .option('--skip <ids>', 'skip these checks or causes', collect, [])
    .option('--fail-on <severity>', 'exit 1 when a finding reaches this severity (the demo has planted faults, so: none)', 'none')
    .option('--show-secrets', 'do not redact the demo credentials in output and reports', false)
    .option('--keep-running', 'leave the demo API running after the audit (Ctrl-C to stop)', false)
    .option('--no-color', 'no ANSI colours')
    .option('-v, --verbose', 'list every finding in the terminal output', false)
    .action(async (options: DemoFlags) => {
      const failOn = parseFailOn(options.failOn);
      parseFormat(options.format);
      // The shop calls its inventory through a fault-injecting proxy, so the audit can break it on purpose.
      const inventory = await startInventory();
      const proxies = await startProxies([
        { name: 'inventory', listen: '127.0.0.1:0', upstream: inventory.url, listenField: 'inventory proxy', upstreamField: 'inventory' },
      ]).catch(async (error: unknown) => {
        await inventory.close();
        throw error;
      });
      const demo = await startDemoApi({ inventoryUrl: proxies.proxies[0]!.url }).catch(async (error: unknown) => {
        await proxies.close();
        await inventory.close();
        throw error;
      });
      process.stderr.write(`faultline: demo shop API listening on ${demo.url} (inventory at ${inventory.url}, through ${describeProxy(proxies.proxies[0]!)})\n`);
      try {
        const report = await runAuditFromInput({
          specSource: demoSpecPath(),
          target: demo.url,
          roles: await demoCredentials(),
          budget: { requests: 3000, time: 180_000, timeout: 5_000 },
          only: options.only,
          skip: options.skip,
          isUnsafe: false,
          isExposureProbing: true,
          allowRemoteRefs: false,
          seed: 1,
          isShowingSecrets: options.showSecrets,
          dependencies: proxies.handles,
        });
        await emitReport(report, { format: options.format, out: options.out, color: options.color, verbose: options.verbose, matrix: options.matrix, failOn });
        process.exitCode = exitCodeFor(report, failOn);
        if (options.keepRunning) {
          process.stderr.write(`faultline: demo API still running on ${demo.url}; press Ctrl-C to stop\n`);
          await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
        }
      } finally {
        await demo.close();
        await proxies.close();
        await inventory.close();
      }
    });
}

interface DemoFlags {
  out: string;
  format: string;
  only: string[];
  skip: string[];
  failOn: string;
  keepRunning: boolean;
  showSecrets: boolean;
  color: boolean;
  verbose: boolean;
  matrix: boolean;
}
