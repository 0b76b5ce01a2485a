/**
 * Privacy on the error path: when Discord refuses or stalls the reply in the middle of a knee check, the
 * errors that discord.js raises carry the request (every button's custom_id holds the answers so far) and
 * the URL (which holds the interaction token). None of it may reach the log.
 */
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiMessage, InteractionHandle } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';
import { KneeCheckDriver } from './support/knee-check.js';

/** Answers with option ids that appear nowhere else, so that finding one in the log means a leak. */
const ANSWERS = {
  Q01_emergency_screen: ['none'],
  Q00_age: 'age_40_54',
  Q02_onset: 'gradual',
  Q06_mechanical: ['painless_clicking'],
  Q07_swelling: 'mild_puffiness_after_runs',
  Q08_heat_redness: 'no',
  Q16_systemic: ['none'],
  Q17_calf: ['none'],
  Q18_neuro: ['none'],
  Q09_location: ['inner_below_joint_line'],
  Q10_aggravators: ['rising_from_chair', 'stairs_up'],
};
const ANSWER_IDS = ['age_40_54', 'painless_clicking', 'mild_puffiness_after_runs', 'inner_below_joint_line', 'rising_from_chair', 'stairs_up'];

describe('/symptom-check privacy when Discord fails mid-check', () => {
  let pacer: Pacer;
  let driver: KneeCheckDriver;
  beforeEach(async () => {
    // The failures are the callback endpoint's: over HTTP the first answers go through it here.
    pacer = await startPacer({ env: { PACER_HTTP_ANSWER: 'callback' } });
    driver = new KneeCheckDriver(pacer.double);
  });
  afterEach(async () => {
    await pacer?.stop();
  });

  /** Answers until the screen asking `stopAt`, then returns that screen. */
  async function checkUntil(stopAt: string): Promise<ApiMessage> {
    let message = await driver.start();
    while (!driver.questionsOn(message).includes(stopAt)) message = await driver.answerScreen(message, ANSWERS);
    return message;
  }

  function expectNothingPrivateInLog(message: ApiMessage, handle: InteractionHandle) {
    const log = pacer.logs();
    // Every state the bot ever sent, including the one in the request Discord refused.
    const sentBodies = [...pacer.double.requests.map((r) => r.body), ...pacer.double.answersInResponses.map((a) => a.body)];
    const sent = sentBodies.flatMap((body) => JSON.stringify(body ?? '').match(/sc:\d+:[^"]+/g) ?? []);
    const states = [...new Set([...driver.packedStates(message), ...sent.flatMap((id) => driver.packedStatesOf(id))])];
    expect(states.length).toBeGreaterThan(driver.packedStates(message).length);
    for (const state of states) expect(log).not.toContain(state);
    for (const id of ANSWER_IDS) expect(log).not.toContain(id);
    expect(log).not.toContain(handle.token);
    expect(log).not.toContain('custom_id');
    expect(log).not.toContain('requestBody');
    // The question text travels in the same request body.
    expect(log).not.toMatch(/What makes it hurt more|How does the pain behave/);
  }

  it('logs a 5xx on the reply by kind, status and route only', async () => {
    const screen = await checkUntil('Q10_aggravators');
    const fault = pacer.double.injectFault({ method: 'POST', pathPattern: /^\/interactions\/\d+\/[^/]+\/callback/, status: 503, times: 10 });
    const handle = driver.answerScreenWithoutWaiting(screen, ANSWERS);
    await expect.poll(() => pacer.logs(), { timeout: 15_000 }).toMatch(/interaction handler failed/);
    expect(fault.hits).toBeGreaterThan(0);

    const line = pacer.logs().split('\n').find((l) => l.includes('interaction handler failed'))!;
    const logged = JSON.parse(line) as { err: Record<string, unknown> };
    expect(logged.err).toMatchObject({ type: 'HTTPError', status: 503, method: 'POST', route: '/interactions/:id/:token/callback' });
    expectNothingPrivateInLog(screen, handle);
    expect(await pacer.count(sql`select count(*) from triage_outcome_counts`)).toBe(0);
  });

  it('logs a reply that came too late (Discord timed it out) without the request', async () => {
    const screen = await checkUntil('Q10_aggravators');
    pacer.double.injectFault({ method: 'POST', pathPattern: /^\/interactions\/\d+\/[^/]+\/callback/, status: 'delay', delayMs: 3_300 });
    const handle = driver.answerScreenWithoutWaiting(screen, ANSWERS);
    await expect.poll(() => pacer.logs(), { timeout: 15_000 }).toMatch(/"code":10062/);

    const line = pacer.logs().split('\n').find((l) => l.includes('"code":10062'))!;
    const logged = JSON.parse(line) as { err: Record<string, unknown> };
    expect(logged.err).toMatchObject({ status: 404, route: '/interactions/:id/:token/callback' });
    expect(String(logged.err.type)).toContain('DiscordAPIError');
    expectNothingPrivateInLog(screen, handle);
  });
});
