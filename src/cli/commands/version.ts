import { Command } from 'commander';
import { faultlineVersion } from '../../core/version.js';

/** What a bug report needs to name the build: faultline's version, the Node that runs it, the platform. */
export function versionFacts(): { readonly name: 'faultline'; readonly version: string; readonly node: string; readonly platform: string; readonly arch: string } {
  return { name: 'faultline', version: faultlineVersion(), node: process.versions.node, platform: process.platform, arch: process.arch };
}

export function versionCommand(): Command {
  return new Command('version')
    .description('print the version of faultline, Node.js and the platform')
    .option('--json', 'one JSON object: name, version, node, platform, arch', false)
    .action((options: { json: boolean }) => {
      const facts = versionFacts();
      process.stdout.write(options.json
        ? JSON.stringify(facts) + '\n'
        : `faultline ${facts.version} (Node.js ${facts.node}, ${facts.platform}-${facts.arch})\n`);
    });
}
