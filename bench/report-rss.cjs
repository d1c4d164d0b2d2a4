// Preloaded into `archsight check` by the benchmark: reports the peak resident memory (kB)
// and the CPU time spent (µs, user + system, every thread) on exit.
process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`\nmaxrss=${usage.maxRSS} cpu=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
