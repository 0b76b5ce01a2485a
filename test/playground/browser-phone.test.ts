/**
 * The playground on a phone (390 x 844): the channel list sits behind a button, the clock controls and the
 * composer stay on screen, and no screen of the knee check, the weekly post, /club setup or an announcement
 * is wider than the phone. Screenshots go to test-results/playground/phone-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../tools/playground/demo-club.js';
import { horizontalOverflow, lastMessage, reachable, runCommand, scrollIntoView, shot, startPlaygroundInBrowser, type Running } from './browser-support.js';
import { clubWeekdayIn } from './club-time.js';
import { answerUntilResult } from './knee-check-walk.js';

let running: Running;
let page: Page;

const CONTROLS = ['#channels-toggle', '#clock button[data-step="hour"]', '#clock button[data-step="day"]', '#clock-next', '#clock button[data-step="week"]', '#clock-offline', '#composer-input', '#help-open'];

async function noOverflow(screen: string): Promise<void> {
  expect(await horizontalOverflow(page), `${screen}: drawn wider than the phone`).toEqual([]);
}

async function openChannelOnPhone(name: string): Promise<void> {
  await page.click('#channels-toggle');
  await page.click(`#channels a:text-is("# ${name}")`);
  await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
}

describe('the playground on a 390 px phone', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    running = await startPlaygroundInBrowser({ width: 390, height: 844 }, { firstVisit: true });
    page = running.page;
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
  });

  it('fits the first-visit panel, then keeps every control within thumb reach', async () => {
    await expect.poll(() => page.locator('#welcome').isVisible()).toBe(true);
    await noOverflow('welcome');
    await shot(page, 'phone-01-welcome');
    await page.click('#welcome-close');
    for (const control of CONTROLS) expect(await reachable(page, control), control).toBe(true);
    await noOverflow('empty channel');
    await shot(page, 'phone-02-channel');
  });

  it('hides the channel list behind a button', async () => {
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    await page.click('#channels-toggle');
    expect(await page.locator('#channels-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await reachable(page, '#channels a:text-is("# announcements")')).toBe(true);
    expect(await reachable(page, '#acting-as')).toBe(true);
    await shot(page, 'phone-03-channel-list');
    await page.click('#channels a:text-is("# general")');
    await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
    expect(await page.locator('#channel-title').textContent()).toBe('# general');
  });

  it('/club setup fits', async () => {
    await page.fill('#composer-input', '/club');
    await noOverflow('command list');
    await shot(page, 'phone-04-command-list');
    await page.click('.pg-command[data-command="/club setup"]');
    await page.selectOption('#opt-channel', DEMO.channels.challenges);
    await page.fill('#opt-timezone', 'Europe/London');
    await page.selectOption('#opt-day', clubWeekdayIn(3));
    await page.fill('#opt-time', '18:00');
    await noOverflow('/club setup options');
    expect(await reachable(page, '.pg-send')).toBe(true);
    await shot(page, 'phone-05-club-setup-options');
    await page.click('.pg-send');
    await expect.poll(() => lastMessage(page).textContent()).toMatch(/Europe\/London/);
    await noOverflow('/club setup reply');
    await shot(page, 'phone-06-club-setup-reply');
  });

  it('every screen of the knee check fits', async () => {
    await runCommand(page, '/symptom-check');
    const intro = lastMessage(page);
    await expect.poll(() => intro.locator('discord-embed').getAttribute('embed-title')).toBe('Knee check for runners');
    await noOverflow('knee check intro');
    await shot(page, 'phone-07-knee-check-intro');
    await intro.locator('discord-button').filter({ hasText: 'I understand, start' }).click();
    let screens = 0;
    await answerUntilResult(page, async (step) => {
      screens += 1;
      await noOverflow(`knee check screen ${step + 1}`);
      if (step === 0) await shot(page, 'phone-08-knee-check-question');
    });
    expect(screens).toBeGreaterThan(1);
    await scrollIntoView(lastMessage(page));
    await shot(page, 'phone-09-knee-check-result');
  });

  it('the weekly post fits', async () => {
    await openChannelOnPhone('challenges');
    await page.click('#clock button[data-step="week"]');
    await expect.poll(() => page.locator('#messages discord-message').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.locator('#clock-run').textContent(), { timeout: 20_000 }).toMatch(/^Pacer ran for/);
    await noOverflow('weekly post');
    for (const control of CONTROLS) expect(await reachable(page, control), control).toBe(true);
    await shot(page, 'phone-10-weekly-post');
  });

  it('an announcement fits: the modal, the post, and the clock line saying what happened', async () => {
    await openChannelOnPhone('announcements');
    await runCommand(page, '/announce schedule', { channel: DEMO.channels.announcements, when: 'in 2 hours' });
    await page.locator('dialog#modal[open]').waitFor({ timeout: 5000 });
    const fields = page.locator('#modal-fields input, #modal-fields textarea');
    await fields.nth(0).fill('Sunday long run');
    await fields.nth(1).fill('Long run on Sunday, 9:00 at the boathouse. Bring water; https://example.org/a-very-long-link-that-should-wrap-on-a-phone-screen-without-pushing-the-page-sideways');
    await noOverflow('announcement modal');
    expect(await reachable(page, '#modal-submit')).toBe(true);
    await shot(page, 'phone-11-announcement-modal');
    await page.click('#modal-submit');
    await page.click('#clock button[data-step="day"]');
    await expect.poll(() => page.locator('#clock-run').textContent(), { timeout: 20_000 }).toMatch(/^Pacer ran for 1 day/);
    await expect.poll(() => page.locator('#messages discord-message:not([ephemeral])').filter({ hasText: 'boathouse' }).count()).toBe(1);
    await noOverflow('announcement post');
    await shot(page, 'phone-12-announcement-posted');
  });
});
