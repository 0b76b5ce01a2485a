/** Outages are visible: gateway drops and returns are logged with how long the bot was away; /health reports state. */
import { afterEach, describe, expect, it } from 'vitest';
import { startPacer, type Pacer } from '../support/pacer.js';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

const lines = (pacer: Pacer): LogLine[] =>
  pacer
    .logs()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);

describe('gateway outages', () => {
  let pacer: Pacer;
  afterEach(async () => pacer?.stop());

  it('logs the drop and the resume at info, with how long the bot was away', async () => {
    pacer = await startPacer({ env: { LOG_LEVEL: 'info' } });
    pacer.double.dropConnection();
    await pacer.double.waitForResume();
    await expect.poll(() => lines(pacer).map((l) => l.msg)).toContain('gateway resumed');
    const lost = lines(pacer).find((l) => l.msg.startsWith('gateway connection lost'));
    const resumed = lines(pacer).find((l) => l.msg === 'gateway resumed')!;
    expect(lost?.level).toBe(30);
    expect(resumed.level).toBe(30);
    expect(resumed.awayMs).toEqual(expect.any(Number));
    expect(resumed.awayMs as number).toBeGreaterThanOrEqual(0);
  });

  it('logs a fresh session after an invalidated one as reconnected, with the time away', async () => {
    pacer = await startPacer({ env: { LOG_LEVEL: 'info' } });
    pacer.double.invalidateSession(false);
    await pacer.double.waitForIdentify(2, 10_000);
    await expect.poll(() => lines(pacer).map((l) => l.msg), { timeout: 10_000 }).toContain('gateway reconnected');
    expect(lines(pacer).find((l) => l.msg === 'gateway reconnected')!.awayMs).toEqual(expect.any(Number));
  });
});

describe('the health endpoint', () => {
  let pacer: Pacer;
  afterEach(async () => pacer?.stop());

  it('is off unless HEALTH_PORT is set', async () => {
    pacer = await startPacer();
    expect(pacer.app.health).toBeUndefined();
  });

  it('listens on loopback and reports the gateway and the database; 503 once the database is gone', async () => {
    pacer = await startPacer({ env: { HEALTH_PORT: '0' } });
    const port = pacer.app.health!.port;
    expect(lines(pacer).find((l) => l.msg.startsWith('health endpoint'))).toMatchObject({ host: '127.0.0.1', port });

    const ok = await fetch(`http://127.0.0.1:${port}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, gateway: 'ready', database: 'ok', stopping: false });

    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);

    await pacer.closeDatabase();
    // SQLite is asked on each request; PostgreSQL's answer is the last check, made every few seconds.
    const down = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      return { status: response.status, body: await response.json() };
    };
    await expect.poll(down, { timeout: 8000, interval: 250 }).toMatchObject({ status: 503, body: { ok: false, database: 'unavailable' } });
  });
});
