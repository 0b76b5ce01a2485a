/**
 * Logs say what happened and nothing private: one info line per interaction (what ran, how long, how it ended);
 * no line at any level ties a member to the symptom check or holds option values, state or tokens.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { FIXTURE, type ApiMessage } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

function buttons(message: ApiMessage): Array<{ custom_id?: string; label?: string }> {
  return (message.components as Array<{ components?: Array<{ type: number; custom_id?: string; label?: string }> }>)
    .flatMap((row) => row.components ?? [])
    .filter((c) => c.type === 2);
}

describe('interaction logs (debug level, the most talkative)', () => {
  let pacer: Pacer;
  let dispatched = 0;
  beforeAll(async () => {
    pacer = await startPacer({ env: { LOG_LEVEL: 'debug' } });
    const member = FIXTURE.users.member;
    const intro = await pacer.double.runSlash('symptom-check', { user: member }).reply();
    const start = buttons(intro).find((b) => b.custom_id?.startsWith('sc:'))!;
    const first = await pacer.double.clickButton(start.custom_id!, { messageId: intro.id, user: member }).reply();
    const answer = buttons(first).find((b) => b.custom_id?.startsWith('sc:'))!;
    await pacer.double.clickButton(answer.custom_id!, { messageId: first.id, user: member }).reply();
    await pacer.double.runSlash('exercise', { subcommand: 'show', options: { name: 'spanish squat' }, user: member }).reply();
    await pacer.double.autocomplete('exercise', { subcommand: 'show', focused: { name: 'name', value: 'clamsh' }, user: member }).response();
    await pacer.double.runSlash('exercise', { subcommand: 'gone', user: member }).reply();
    dispatched = 6;
  });
  afterAll(async () => pacer?.stop());

  const lines = (): LogLine[] =>
    pacer
      .logs()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);

  it('writes one info line per interaction with what ran, the latency and the outcome', async () => {
    await expect.poll(() => lines().filter((l) => l.msg === 'interaction').length).toBe(dispatched);
    const perInteraction = lines().filter((l) => l.msg === 'interaction');
    for (const line of perInteraction) {
      expect(line.level).toBe(30);
      expect(line.ms).toEqual(expect.any(Number));
      expect(typeof line.outcome).toBe('string');
      expect(line.command ?? line.customIdPrefix).toEqual(expect.any(String));
    }
    expect(perInteraction.map((l) => l.command ?? l.customIdPrefix)).toEqual(['symptom-check', 'sc', 'sc', 'exercise show', 'exercise', 'exercise gone']);
    expect(perInteraction.map((l) => l.outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'changed']);
  });

  it('never names the member anywhere, so nothing ties them to the symptom check', () => {
    const text = pacer.logs();
    expect(text).not.toContain(FIXTURE.users.member);
    for (const line of lines().filter((l) => l.customIdPrefix === 'sc' || l.command === 'symptom-check')) {
      expect(Object.keys(line)).not.toEqual(expect.arrayContaining(['userId']));
      expect(JSON.stringify(line)).not.toMatch(/user/i);
    }
  });

  it('holds no option values, typed text, custom_id state or interaction tokens', () => {
    const text = pacer.logs();
    expect(text).not.toMatch(/spanish/i);
    expect(text).not.toContain('clamsh');
    expect(text).not.toMatch(/sc:\d+:/);
    for (const interaction of pacer.double.requests.filter((r) => r.path.includes('/callback'))) {
      const token = interaction.path.split('/')[3]!;
      expect(text).not.toContain(token);
    }
  });
});

describe('log format', () => {
  function capture(isTTY: boolean) {
    const stream = Object.assign(new PassThrough(), { isTTY });
    let text = '';
    stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
    return { stream, text: () => text };
  }

  it('writes readable lines on a terminal', () => {
    const { stream, text } = capture(true);
    createLogger('info', stream).info({ command: 'exercise show', ms: 12, outcome: 'ok' }, 'interaction');
    expect(text()).not.toMatch(/^\{/);
    expect(text()).toMatch(/INFO.*interaction/);
    expect(text()).toContain('exercise show');
  });

  it('writes one JSON object per line otherwise', () => {
    const { stream, text } = capture(false);
    createLogger('info', stream).info({ command: 'exercise show', ms: 12, outcome: 'ok' }, 'interaction');
    expect(JSON.parse(text())).toMatchObject({ msg: 'interaction', command: 'exercise show', outcome: 'ok' });
  });
});
