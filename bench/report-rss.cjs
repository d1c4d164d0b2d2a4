// Preloaded into `archsight check` by the benchmark: reports the peak resident memory on exit.
process.on('exit', () => {
    process.stderr.write(`\nmaxrss=${process.resourceUsage().maxRSS}\n`);
});
