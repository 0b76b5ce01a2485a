/**
 * The playground's second pass in Chromium at desktop width: a typed title survives to the post, the preview and
 * the edit form; "+1 week" runs Pacer minute by minute (seven daily posts, one weekly post, nothing offline or
 * late); "Pacer offline for…" shows downtime instead; the first-visit panel, dismissed problems, arrow keys in
 * the command list and the "members may use /club" switch. Screenshots go to test-results/playground/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../tools/playground/demo-club.js';
import { clubTimeIn, clubWeekdayIn } from './club-time.js';
import { actAs, lastMessage, openChannel, runCommand, shot, startPlaygroundInBrowser, type Running } from './browser-support.js';

let running: Running;
let page: Page;
const TITLE = 'Riverside daily stretch';

const postsTitled = (title: string) => page.locator('#messages discord-message:not([ephemeral])').filter({ has: page.locator(`discord-embed[embed-title="${title}"]`) });

async function openModalField(label: RegExp): Promise<string> {
  const field = page.locator('#modal-fields .pg-modal-field').filter({ has: page.locator('label', { hasText: label }) });
  return (await field.locator('input, textarea').getAttribute('id')) ?? '';
}

describe('the playground, second pass, at desktop width', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    running = await startPlaygroundInBrowser({ width: 1280, height: 860 }, { firstVisit: true });
    page = running.page;
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
  });

  it('explains itself on a first visit, and remembers that the panel was closed', async () => {
    const welcome = page.locator('#welcome');
    await expect.poll(() => welcome.isVisible()).toBe(true);
    for (const words of ['Pacer', 'Mo', 'Rita', 'Sam', 'Priya', '/club setup', 'Pacer offline for…']) expect(await welcome.textContent()).toContain(words);
    await shot(page, 'desktop-01-welcome');
    await page.click('#welcome-close');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await welcome.isVisible()).toBe(false);
    await page.click('#help-open');
    expect(await welcome.isVisible()).toBe(true);
    await page.click('#welcome-close');
  });

  it('moves through the command list with the arrow keys and picks with Enter', async () => {
    await page.fill('#composer-input', '/');
    const labels = await page.locator('.pg-command').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-command')));
    await page.press('#composer-input', 'ArrowDown');
    await page.press('#composer-input', 'ArrowDown');
    expect(await page.locator('.pg-command[aria-selected="true"]').getAttribute('data-command')).toBe(labels[2]);
    await page.press('#composer-input', 'ArrowUp');
    await page.press('#composer-input', 'Enter');
    expect(await page.locator('#command-line .pg-chip-command').textContent()).toBe(labels[1]);
    await page.click('.pg-cancel');
    // A new search starts at the top of the list, highlighted on its first row.
    await page.fill('#composer-input', '/club');
    expect(await page.locator('#command-picker').evaluate((node) => node.scrollTop)).toBe(0);
    expect(await page.locator('.pg-command').first().getAttribute('aria-selected')).toBe('true');
    await page.fill('#composer-input', '');
  });

  it('sets up the club; the clock then shows the club\'s time zone by name', async () => {
    await runCommand(page, '/club setup', { channel: DEMO.channels.challenges, timezone: 'Europe/London', day: clubWeekdayIn(3), time: '18:00' });
    await expect.poll(() => page.locator('#clock-now').textContent()).toMatch(/\(Europe\/London\)/);
    await shot(page, 'desktop-02-club-setup');
  });

  it('keeps a typed title: it reaches the post, the preview and the edit form; the limits show before sending', async () => {
    await openChannel(page, 'announcements');
    await runCommand(page, '/announce schedule', { channel: DEMO.channels.announcements, when: clubTimeIn(2 * 3_600_000), repeat: 'daily' });
    await page.locator('dialog#modal[open]').waitFor({ timeout: 5000 });
    const titleId = await openModalField(/Title/);
    const bodyId = await openModalField(/Message/);
    expect(titleId).not.toBe(bodyId);
    expect(await page.locator(`[id="${titleId}"]`).count()).toBe(1);
    await page.fill(`[id="${titleId}"]`, TITLE);
    await page.fill(`[id="${bodyId}"]`, 'Ten minutes of stretching after your run. Mats by the boathouse.');
    const limit = await page.locator(`[id="${titleId}"]`).getAttribute('maxlength');
    expect(await page.locator(`[id="${titleId}-count"]`).textContent()).toBe(`${TITLE.length} / ${limit ?? ''} characters`);
    await shot(page, 'desktop-03-announcement-modal');
    await page.click('#modal-submit');
    await expect.poll(() => lastMessage(page).textContent()).toMatch(/Announcement #1 scheduled/);

    await runCommand(page, '/announce preview', { id: '1' });
    await expect.poll(() => lastMessage(page).locator('discord-embed').first().getAttribute('embed-title')).toBe(TITLE);
    expect(await lastMessage(page).getAttribute('ephemeral')).not.toBeNull();

    await runCommand(page, '/announce edit', { id: '1' });
    await page.locator('dialog#modal[open]').waitFor({ timeout: 5000 });
    expect(await page.inputValue(`[id="${await openModalField(/Title/)}"]`)).toBe(TITLE);
    await shot(page, 'desktop-04-edit-form-keeps-title');
    await page.click('#modal-cancel');
  });

  it('"+1 week" runs Pacer minute by minute: seven daily posts on time, the weekly post once, nothing offline or late', async () => {
    await page.click('#clock button[data-step="week"]');
    await expect.poll(() => page.locator('#clock-run').textContent(), { timeout: 30_000 }).toMatch(/^Pacer ran for 7 days, minute by minute/);
    expect(await page.locator('#clock-run').textContent()).toMatch(/8 posts went out on time \(7 announcements, 1 weekly challenge post\)/);
    await expect.poll(() => postsTitled(TITLE).count()).toBe(7);
    await shot(page, 'desktop-05-a-week-of-daily-posts');
    const everywhere: string[] = [];
    for (const channel of ['general', 'challenges', 'announcements']) {
      await openChannel(page, channel);
      everywhere.push((await page.locator('#messages').textContent()) ?? '');
      if (channel === 'challenges') {
        const weekly = page.locator('#messages discord-message:not([ephemeral])');
        expect(await weekly.count()).toBe(1);
        expect(await weekly.textContent()).not.toMatch(/Posted late/);
        await shot(page, 'desktop-06-weekly-post-once');
      }
    }
    expect(everywhere.join('\n')).not.toMatch(/offline|Posted late/i);
  });

  it('"Pacer offline for… 1 day" shows what downtime does, in words', async () => {
    await page.selectOption('#clock-offline', 'day');
    await expect.poll(() => page.locator('#clock-run').textContent(), { timeout: 10_000 }).toMatch(/^Pacer was offline for 1 day, then started again/);
    expect(await page.locator('#clock-run').textContent()).toMatch(/1 announcement skipped: they were due while Pacer was offline/);
    await shot(page, 'desktop-07-offline-for-a-day');
  });

  it('a problem box dismissed stays dismissed after a reload; a new one still shows', async () => {
    const refuse = () =>
      fetch(`${running.session.doubleForTests.apiUrl}/v10/channels/${DEMO.channels.general}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${running.session.doubleForTests.botToken ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'x'.repeat(2001) }),
      });
    await refuse();
    const boxes = page.locator('#problems .pg-problem');
    await expect.poll(() => boxes.count()).toBe(1);
    await boxes.first().locator('.pg-problem-close').click();
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await boxes.count()).toBe(0);
    await refuse();
    await expect.poll(() => boxes.count()).toBe(1);
    await boxes.first().locator('.pg-problem-close').click();
  });

  it('"Dismiss message" hides a private reply', async () => {
    await openChannel(page, 'announcements');
    const privateReplies = page.locator('#messages discord-message[ephemeral]');
    const before = await privateReplies.count();
    expect(before).toBeGreaterThan(0);
    await privateReplies.last().locator('.discord-message-ephemeral-link').click();
    await expect.poll(() => privateReplies.count()).toBe(before - 1);
  });

  it('with the server admin\'s switch on, a member can send /club and meets Pacer\'s own moderator check', async () => {
    await actAs(page, /Rita/);
    await page.fill('#composer-input', '/club');
    expect(await page.locator('.pg-command[data-command="/club setup"]').count()).toBe(0);
    await page.fill('#composer-input', '');
    await page.check('#members-use-club');
    await expect.poll(async () => {
      await page.fill('#composer-input', '/club');
      return page.locator('.pg-command[data-command="/club setup"]').count();
    }).toBe(1);
    await page.fill('#composer-input', '');
    await runCommand(page, '/club setup', { channel: DEMO.channels.general, timezone: 'Europe/Paris', day: 'friday', time: '07:00' });
    await expect.poll(() => lastMessage(page).textContent()).toMatch(/Only moderators can do that/);
    expect(await lastMessage(page).getAttribute('ephemeral')).not.toBeNull();
    await shot(page, 'desktop-08-member-meets-moderator-check');
    expect(await page.locator('#clock-now').textContent()).toMatch(/\(Europe\/London\)/);
    await page.uncheck('#members-use-club');
    await actAs(page, /Mo/);
  });
});
