// Preloaded into the language server by the benchmark (node -r): on SIGUSR2, collect garbage and write the
// process's memory figures to stderr. stdout stays the protocol's; the server's own code is untouched.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') {
    global.gc();
    global.gc();
  }
  process.stderr.write(`BENCH-MEM ${JSON.stringify(process.memoryUsage())}\n`);
});
