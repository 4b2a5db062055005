import type { EngineEvent } from '../engine/events.js';

/**
 * Progress on stderr: a redrawn line per phase on a TTY (phase, requests sent, findings so far),
 * plain lines otherwise so CI logs stay readable.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, redact: (text: string) => string = (text) => text): (event: EngineEvent) => void {
  const isTty = Boolean(stream.isTTY);
  let phase = '';
  let phaseRequests = 0;
  let totalRequests = 0;
  let findings = 0;
  let lastDraw = 0;
  const bar = (done: number) => {
    const width = 20;
    const filled = Math.min(width, Math.round((done % 200) / 10));
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  };
  const draw = (force = false) => {
    if (!isTty) return;
    const now = Date.now();
    if (!force && now - lastDraw < 80) return;
    lastDraw = now;
    stream.write(`\r\x1b[2Kfaultline ${phase.padEnd(28)} ${bar(phaseRequests)} requests ${totalRequests}  findings ${findings}`);
  };
  return (event) => {
    switch (event.type) {
      case 'phase-started':
        phase = event.phase;
        phaseRequests = 0;
        draw(true);
        break;
      case 'request':
        phaseRequests++;
        totalRequests++;
        if (event.phase !== phase) phase = event.phase;
        draw();
        break;
      case 'finding':
        findings++;
        draw();
        break;
      case 'check-crashed':
        if (isTty) stream.write('\r\x1b[2K');
        stream.write(`faultline: check ${event.check} crashed: ${redact(event.message)}\n`);
        break;
      case 'phase-finished':
        if (isTty) {
          stream.write(`\r\x1b[2Kfaultline ${event.phase.padEnd(28)} done: ${event.requests} requests\n`);
        } else {
          stream.write(`faultline: phase ${event.phase} done: ${event.requests} requests, ${findings} findings so far\n`);
        }
        break;
      case 'run-finished':
        stream.write(`faultline: ${event.report.findings.length} findings, ${event.report.stats['requests'] ?? 0} requests${event.report.stats['durationMs'] !== undefined ? ` in ${(event.report.stats['durationMs'] / 1000).toFixed(1)} s` : ''}\n`);
        for (const note of event.report.notes) stream.write(`faultline: note: ${redact(note)}\n`);
        break;
      default:
        break;
    }
  };
}
