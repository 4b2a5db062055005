#!/usr/bin/env node
// Precision sample: from faultline lint reports (JSON), take up to N findings per check and spec, spread
// evenly over each check's findings (deterministic: every k-th), for judging by hand in docs/lint-parity.md.
// Usage: node bench/lint/sample.mjs name=report.json ... [--per 3]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const perAt = args.indexOf('--per');
const per = perAt >= 0 ? Number(args[perAt + 1]) : 3;
const reports = args.filter((a, i) => a.includes('=') && i !== perAt + 1);
for (const entry of reports) {
  const [name, file] = entry.split('=');
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const byCheck = new Map();
  for (const finding of report.findings) byCheck.set(finding.check, [...(byCheck.get(finding.check) ?? []), finding]);
  for (const [check, findings] of [...byCheck].sort()) {
    const step = Math.max(1, Math.floor(findings.length / per));
    for (let i = 0, taken = 0; i < findings.length && taken < per; i += step, taken++) {
      const f = findings[i];
      console.log(`${name}\t${check}\t${findings.length}\t${f.severity}\t${f.location?.line ?? '-'}\t${f.location?.pointer ?? '-'}\t${f.detail.replace(/\s+/g, ' ')}`);
    }
  }
}
