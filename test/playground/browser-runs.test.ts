/**
 * Group runs in the playground on a 390 px phone: a moderator creates a run through the form, its card shows
 * with its answer buttons, a member answers, the server's Events list shows the run's Discord event at its
 * start in the club's zone, and cancelling the run takes the event off the list. Screenshots go to
 * test-results/playground/runs-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../tools/playground/demo-club.js';
import { actAs, clickButton, horizontalOverflow, runCommand, shot, startPlaygroundInBrowser, type Running } from './browser-support.js';
import { clubTimeIn, clubWeekdayIn } from './club-time.js';

let running: Running;
let page: Page;

const card = () => page.locator('#messages discord-message:not([ephemeral])').filter({ hasText: 'Tuesday track' }).first();

async function noOverflow(screen: string): Promise<void> {
  expect(await horizontalOverflow(page), `${screen}: drawn wider than the phone`).toEqual([]);
}

/** The member picker sits in the channel list, behind its button on a phone. */
async function actAsOnPhone(label: RegExp): Promise<void> {
  await page.click('#channels-toggle');
  await actAs(page, label);
  await page.click('#channels a:text-is("# announcements")');
  await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
}

async function openChannelOnPhone(name: string): Promise<void> {
  await page.click('#channels-toggle');
  await page.click(`#channels a:text-is("# ${name}")`);
  await expect.poll(() => page.locator('#sidebar').isVisible()).toBe(false);
}

describe('group runs in the playground on a 390 px phone', { timeout: 120_000 }, () => {
  // Two days ahead at 18:30 in the club's zone: the event list must show 18:30 whatever the machine's zone.
  const when = `${clubTimeIn(2 * 86_400_000).slice(0, 10)} 18:30`;

  beforeAll(async () => {
    running = await startPlaygroundInBrowser({ width: 390, height: 844 });
    page = running.page;
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
  });

  it('the Events list starts empty', async () => {
    await page.click('#channels-toggle');
    await expect.poll(() => page.locator('#events-title').textContent()).toBe('Events (0)');
    expect(await page.locator('#event-list').textContent()).toBe('No upcoming events');
    await page.click('#channels a:text-is("# general")');
  });

  it('a moderator creates a run through the form; its card shows with its buttons', async () => {
    await runCommand(page, '/club setup', { channel: DEMO.channels.challenges, timezone: 'Europe/London', day: clubWeekdayIn(3), time: '18:00' });
    await expect.poll(() => page.locator('#messages discord-message').last().textContent()).toMatch(/Europe\/London/);
    await openChannelOnPhone('announcements');
    await runCommand(page, '/run create', { channel: DEMO.channels.announcements });
    await page.locator('dialog#modal[open]').waitFor({ timeout: 5000 });
    const fields = page.locator('#modal-fields input, #modal-fields textarea');
    expect(await fields.count()).toBe(5);
    await fields.nth(0).fill('Tuesday track');
    await fields.nth(1).fill(when);
    await fields.nth(2).fill('Track gate');
    await fields.nth(3).fill('8 km\nBring a head torch.');
    await fields.nth(4).fill('5:00/km, 6:00/km');
    await noOverflow('run form');
    await shot(page, 'runs-01-form');
    await page.click('#modal-submit');

    await expect.poll(() => card().count(), { timeout: 10_000 }).toBe(1);
    const buttons = card().locator('discord-button');
    await expect.poll(async () => (await buttons.allTextContents()).map((text) => text.trim())).toEqual(['Going · 5:00/km', 'Going · 6:00/km', 'Maybe', "Can't go", 'I ran']);
    expect(await card().textContent()).toContain('Bring a head torch.');
    await noOverflow('run card');
    await shot(page, 'runs-02-card');
  });

  it('a member answers with one tap and the card shows them in their pace group', async () => {
    await actAsOnPhone(/Rita/);
    await clickButton(page, card(), 'Going · 6:00/km');
    await expect.poll(() => card().textContent(), { timeout: 15_000 }).toMatch(/Nobody yetRitaNobody yetNobody yet1 going/);
  });

  it('the Events list shows the run’s event at 18:30 club time, at the meeting point', async () => {
    await page.click('#channels-toggle');
    await expect.poll(() => page.locator('#events-title').textContent()).toBe('Events (1)');
    const item = page.locator('#event-list li').first();
    expect(await item.locator('strong').textContent()).toBe('Tuesday track');
    expect(await item.locator('.event-when').textContent()).toMatch(/18:30$/);
    expect(await item.locator('.event-where').textContent()).toBe('Meet at Track gate');
    await noOverflow('events list');
    await shot(page, 'runs-03-events');
    await page.click('#channels a:text-is("# announcements")');
  });

  it('cancelling the run (picked from the suggestions) marks the card and takes the event off the list', async () => {
    await actAsOnPhone(/moderator/);
    await page.fill('#composer-input', '/run');
    await page.click('.pg-command[data-command="/run cancel"]');
    await page.fill('#opt-run', 'Tues');
    await page.locator('#option-choices .pg-choice').first().waitFor({ timeout: 5000 });
    await page.locator('#option-choices .pg-choice').first().dispatchEvent('mousedown');
    await page.click('.pg-send');
    const prompt = page.locator('#messages discord-message').filter({ hasText: 'Cancel group run #1' }).last();
    await prompt.waitFor({ timeout: 5000 });
    await clickButton(page, prompt, 'Cancel the run');
    await expect.poll(() => card().textContent(), { timeout: 10_000 }).toMatch(/This run was cancelled/);
    expect(await card().locator('discord-button[disabled]').count()).toBe(5);
    await page.click('#channels-toggle');
    await expect.poll(() => page.locator('#events-title').textContent()).toBe('Events (0)');
    await noOverflow('cancelled');
    await shot(page, 'runs-04-cancelled');
  });
});
