/**
 * Preloaded (`--import`) into the bot by `npm run bench -- floor` when profiling: the event loop's delay
 * histogram (sampled every LOOP_DELAY_RESOLUTION_MS, 5 by default) and the heap, printed as one JSON line on
 * stderr when the process gets SIGUSR2.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: Number(process.env.LOOP_DELAY_RESOLUTION_MS ?? 5) });
histogram.enable();

/**
 * With LOOP_DELAY_STALLS_MS: every gap between two 1 ms ticks longer than that, as when it started on the
 * monotonic clock (microseconds, as --cpu-prof's sample times), how long it was, and how much CPU the process
 * used meanwhile. On a busy machine a gap with little CPU is the process waiting for a core, not blocking.
 */
const stallMs = Number(process.env.LOOP_DELAY_STALLS_MS ?? 0);
const stalls: { atUs: number; ms: number; cpuMs: number }[] = [];
if (stallMs > 0) {
  let last = process.hrtime.bigint();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const now = process.hrtime.bigint();
    const gap = Number(now - last) / 1e6;
    if (gap > stallMs) {
      const cpu = process.cpuUsage(lastCpu);
      stalls.push({ atUs: Number(last / 1000n), ms: Math.round(gap * 10) / 10, cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10 });
    }
    last = now;
    lastCpu = process.cpuUsage();
  }, 1).unref();
}

process.on('SIGUSR2', () => {
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  const mib = (bytes: number) => Math.round(bytes / 104_857.6) / 10;
  const { heapUsed, heapTotal, external } = process.memoryUsage();
  const loopDelay = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), count: histogram.count };
  const memoryMiB = { heapUsed: mib(heapUsed), heapTotal: mib(heapTotal), external: mib(external) };
  process.stderr.write(`${JSON.stringify({ loopDelay, memoryMiB, ...(stallMs > 0 ? { stalls: stalls.splice(0) } : {}) })}\n`);
  histogram.reset();
});
