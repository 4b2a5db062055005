// Preloaded with `node --import` into a CLI child process by test/support/measured-cli.ts: on exit it
// writes the process's resident memory when it started and at its peak (the kernel's high-water mark,
// so no sample can miss a short spike) as one marked line on stderr.
const startRssBytes = process.memoryUsage().rss;
process.on('exit', function reportPeakMemory() {
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  process.stderr.write(`\nfaultline-test-memory ${JSON.stringify({ startRssBytes, peakRssBytes })}\n`);
});
