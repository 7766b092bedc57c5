// Preloaded by the benchmark: reports the process's peak memory (BENCH_RSS_FILE) or its CPU
// time, user and system, in ms (BENCH_CPU_FILE) when it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE) require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(usage.maxRSS * 1024));
  if (process.env.BENCH_CPU_FILE) require('node:fs').writeFileSync(process.env.BENCH_CPU_FILE, String((usage.userCPUTime + usage.systemCPUTime) / 1000));
});
