import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Lifecycle, type Service } from '../../src/platform/lifecycle.js';
import { createLogger } from '../../src/platform/logger.js';

function recorder() {
  const order: string[] = [];
  let logs = '';
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => (logs += chunk.toString()));
  const service = (name: string, stop: (limitMs: number) => Promise<void> | void = () => undefined, extra: Partial<Service> = {}): Service => ({
    name,
    start: () => void order.push(`start ${name}`),
    stop: (limitMs) => {
      order.push(`stop ${name}`);
      return stop(limitMs);
    },
    ...extra,
  });
  return { order, service, logger: createLogger('info', out, 'json'), logs: () => logs };
}

describe('lifecycle', () => {
  it('starts services in order and stops them last first, once however often stop is called', async () => {
    const { order, service, logger } = recorder();
    const lifecycle = new Lifecycle(logger, 8_000);
    await lifecycle.start([service('database'), service('discord')]);
    await lifecycle.start([service('scheduler'), service('interactions')]);
    expect(order).toEqual(['start database', 'start discord', 'start scheduler', 'start interactions']);
    await Promise.all([lifecycle.stop(), lifecycle.stop()]);
    expect(order.slice(4)).toEqual(['stop interactions', 'stop scheduler', 'stop discord', 'stop database']);
  });

  it('stops what had started, on the same path, when a later start fails', async () => {
    const { order, service, logger } = recorder();
    const lifecycle = new Lifecycle(logger, 8_000);
    const broken: Service = { name: 'discord', start: () => Promise.reject(new Error('login refused')), stop: () => void order.push('stop discord') };
    await expect(lifecycle.start([service('database'), service('health'), broken, service('scheduler')])).rejects.toThrow('login refused');
    expect(order).toEqual(['start database', 'start health', 'stop health', 'stop database']);
  });

  it('keeps the whole stop within its budget when a service never stops, and still stops the rest', async () => {
    const { order, service, logger, logs } = recorder();
    const lifecycle = new Lifecycle(logger, 1_000);
    await lifecycle.start([service('database'), service('stuck', () => new Promise(() => undefined)), service('quick')]);
    const began = Date.now();
    await lifecycle.stop();
    expect(Date.now() - began).toBeLessThan(1_000 + 500);
    expect(order.slice(3)).toEqual(['stop quick', 'stop stuck', 'stop database']);
    expect(logs()).toContain('"step":"stuck"');
  });

  it("gives a service no more than its own limit, and no more than what is left", async () => {
    const { service, logger } = recorder();
    const limits: number[] = [];
    const lifecycle = new Lifecycle(logger, 3_000);
    await lifecycle.start([
      service('database', (limitMs) => void limits.push(limitMs)),
      service('slow', (limitMs) => { limits.push(limitMs); return new Promise((done) => setTimeout(done, 400)); }, { stopLimitMs: 2_000 }),
      service('discord', (limitMs) => void limits.push(limitMs), { stopLimitMs: 1_500 }),
    ]);
    await lifecycle.stop();
    expect(limits[0]).toBe(1_500);
    expect(limits[1]).toBe(2_000);
    expect(limits[2]).toBeGreaterThan(2_000);
    expect(limits[2]).toBeLessThanOrEqual(2_600);
  });
});
