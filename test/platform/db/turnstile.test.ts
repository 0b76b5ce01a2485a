import { describe, expect, it } from 'vitest';
import { Turnstile } from '../../../src/platform/db/turnstile.js';

describe('Turnstile', () => {
  it('runs work one piece at a time in arrival order, and a piece that waited starts on a later turn of the event loop', async () => {
    const turnstile = new Turnstile();
    const log: string[] = [];
    // Something else that runs once per turn of the loop (as an interaction or a reply from Discord would).
    let turns = 0;
    const observe = () => {
      log.push('turn');
      if (++turns < 20) setImmediate(observe);
    };
    setImmediate(observe);
    const piece = (name: string) => turnstile.run(() => void log.push(name));
    // Three commands arriving together: the first runs at once, the other two wait.
    const done = Promise.all([piece('board'), piece('chart'), piece('export')]);
    expect(turnstile.queued).toBe(2);
    await done;
    const pieces = log.filter((entry) => entry !== 'turn');
    expect(pieces).toEqual(['board', 'chart', 'export']);
    // Never two pieces back to back: whatever else is waiting runs between them.
    const backToBack = log.some((entry, i) => entry !== 'turn' && log[i + 1] !== undefined && log[i + 1] !== 'turn');
    expect(backToBack, log.join(' ')).toBe(false);
    expect(turnstile.queued).toBe(0);
  });

  it('a piece that fails hands the turn on, and work arriving later still runs', async () => {
    const turnstile = new Turnstile();
    const failing = turnstile.run(() => Promise.reject(new Error('no')));
    const next = turnstile.run(() => 'ran');
    await expect(failing).rejects.toThrow('no');
    await expect(next).resolves.toBe('ran');
    await expect(turnstile.run(() => 'later')).resolves.toBe('later');
  });
});
