import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../core/finding.js';
import type { RenderOptions, ReportFormat } from './define.js';
import { allReporters, getReporter } from './registry.js';

/**
 * Render a report in one format, for stdout or a file.
 *
 * @example
 * process.stdout.write(renderReport(report, 'terminal', { color: process.stdout.isTTY }));
 */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  return getReporter(format).render(report, options);
}

/**
 * Write every file format (report.json, report.html, junit.xml, report.sarif, and permissions.csv for an
 * audit with a permission matrix) into `outDir`, creating
 * it if needed, and return the paths written. Each file is written beside and renamed into place, so
 * a reader never sees half a report.
 *
 * @example
 * const paths = await writeReports(report, 'faultline-report');
 */
export async function writeReports(report: Report, outDir: string, options: RenderOptions = {}): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const reporter of allReporters) {
    if (reporter.fileName === null || (reporter.isFor && !reporter.isFor(report))) continue;
    const target = path.join(outDir, reporter.fileName);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, reporter.render(report, options), 'utf8');
    await rename(temporary, target);
    written.push(target);
  }
  return written;
}
