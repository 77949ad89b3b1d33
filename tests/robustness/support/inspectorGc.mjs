// Connects to a Node inspector (argv[2], ws://...), forces full garbage collections, and prints the process's
// memory (process.memoryUsage()) as JSON. Run with --experimental-websocket (Node 20).
const url = process.argv[2];
const ws = new WebSocket(url);
let id = 0;
const pending = new Map();
const call = (method, params = {}) =>
  new Promise((resolve, reject) => {
    const n = ++id;
    pending.set(n, { resolve, reject });
    ws.send(JSON.stringify({ id: n, method, params }));
  });
ws.addEventListener('message', (e) => {
  const m = JSON.parse(e.data);
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  if (m.error) p.reject(new Error(JSON.stringify(m.error)));
  else p.resolve(m.result);
});
ws.addEventListener('error', () => {
  process.stderr.write(`cannot connect to ${url}\n`);
  process.exit(2);
});
ws.addEventListener('open', async () => {
  try {
    // Twice: the first collection can leave work (weak references, finalizers) for the second.
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const r = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    process.stdout.write(r.result.value);
    ws.close();
    process.exit(0);
  } catch (err) {
    process.stderr.write(String(err));
    process.exit(1);
  }
});
setTimeout(() => {
  process.stderr.write('inspector helper timed out\n');
  process.exit(3);
}, 30_000);
