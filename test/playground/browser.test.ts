/**
 * The playground in a real browser (Debian's Chromium through playwright-core): a person's path through the
 * page, with a screenshot per step in test-results/playground/. Every step runs, and fails if its command is
 * missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { REST, Routes } from 'discord.js';
import type { Page } from 'playwright-core';
import { DEMO } from '../../tools/playground/demo-club.js';
import { actAs, clickButton, lastMessage, openChannel, runCommand, scrollIntoView, shot, startPlaygroundInBrowser, type Running } from './browser-support.js';
import { answerUntilResult } from './knee-check-walk.js';

/** The one browser global the checks below use (the test program has no DOM library). */
interface BrowserWindow {
  getComputedStyle(node: unknown): { borderLeftColor: string };
}

let running: Running;
let page: Page;

const registered = (name: string): boolean => running.session.state().commands.some((command) => command.name === name);
const subcommands = (name: string): string[] =>
  (running.session.state().commands.find((command) => command.name === name)?.options ?? []).filter((option) => option.type === 1).map((option) => option.name);

describe('the playground in Chromium', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    running = await startPlaygroundInBrowser();
    page = running.page;
  }, 60_000);

  afterAll(async () => {
    await running?.stop();
  });

  it('lists every command the bot registered when you type /', async () => {
    await page.fill('#composer-input', '/');
    const listed = await page.locator('.pg-command .pg-command-name').allTextContents();
    const names = new Set(listed.map((label) => label.slice(1).split(' ')[0]));
    const deployed = running.session.state().commands.map((command) => command.name);
    expect(deployed.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual([...new Set(deployed)].sort());
    await shot(page, '01-command-picker');
    await page.fill('#composer-input', '');
  });

  it('runs the symptom check to a result, privately', async () => {
    await runCommand(page, '/symptom-check');
    const intro = lastMessage(page);
    await expect.poll(() => intro.locator('discord-embed').getAttribute('embed-title')).toBe('Knee check for runners');
    await clickButton(page, intro, 'I understand, start');
    const result = await answerUntilResult(page);
    expect(await result.getAttribute('ephemeral')).not.toBeNull();
    expect(await result.locator('discord-embed').first().getAttribute('embed-title')).toBe('You can look after this yourself for now');
    await expect.poll(() => result.evaluate((node) => node.shadowRoot?.textContent ?? '')).toContain('Only you can see this');
    await shot(page, '02-symptom-check-result');
  });

  it('opens an exercise card from the result', async () => {
    const result = lastMessage(page);
    const cardButton = result.locator('discord-button').filter({ hasText: /^Open card: / }).first();
    const label = (await cardButton.textContent())?.trim() ?? '';
    expect(label).toMatch(/^Open card: /);
    await cardButton.click();
    await expect
      .poll(() => lastMessage(page).locator('discord-embed').first().getAttribute('embed-title'))
      .toBe(label.replace('Open card: ', ''));
    await shot(page, '03-exercise-card');
  });

  it('hides one member\'s private replies from another', async () => {
    await actAs(page, /Rita/);
    await expect.poll(() => page.locator('#messages discord-message[ephemeral]').count()).toBe(0);
    await shot(page, '04-rita-sees-nothing-private');
    await actAs(page, /Mo/);
    await expect.poll(() => page.locator('#messages discord-message[ephemeral]').count()).toBeGreaterThan(0);
  });

  it('autocompletes an exercise name from the bot, answers privately, and shares the card to the channel', async () => {
    await page.fill('#composer-input', '/exercise');
    await page.click('.pg-command[data-command="/exercise show"]');
    await page.fill('#opt-name', 'squat');
    const choice = page.locator('#option-choices .pg-choice').first();
    await choice.waitFor({ timeout: 5000 });
    await shot(page, '05-autocomplete');
    const picked = (await choice.textContent())?.trim() ?? '';
    await choice.dispatchEvent('mousedown');
    await page.click('.pg-send');
    await expect.poll(() => lastMessage(page).locator('discord-embed').first().getAttribute('embed-title')).toBe(picked);
    expect(await lastMessage(page).getAttribute('ephemeral')).not.toBeNull();
    await clickButton(page, lastMessage(page), /share to channel/i);
    await expect.poll(() => lastMessage(page).getAttribute('ephemeral')).toBeNull();
    expect(await lastMessage(page).locator('discord-embed').first().getAttribute('embed-title')).toBe(picked);
    await shot(page, '06-exercise-card-in-channel');
  });

  it('shows in red what Discord would refuse', async () => {
    const double = running.session.doubleForTests;
    const response = await fetch(`${double.apiUrl}/v10/channels/${DEMO.channels.general}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${double.botToken ?? ''}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'x'.repeat(2001) }),
    });
    expect(response.status).toBe(400);
    const problem = page.locator('#problems .pg-problem').last();
    await expect.poll(() => problem.textContent()).toMatch(/Discord would refuse POST \/channels\/\d+\/messages/);
    expect(await problem.evaluate((node) => (globalThis as unknown as BrowserWindow).getComputedStyle(node).borderLeftColor)).toBe('rgb(242, 63, 67)');
    await shot(page, '07-validation-error-in-red');
    await problem.locator('.pg-problem-close').click();
  });

  it('shows a PNG the bot uploads as an image and a CSV as a download', async () => {
    const double = running.session.doubleForTests;
    const rest = new REST({ api: double.apiUrl }).setToken(double.botToken ?? '');
    const png = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120"><rect width="240" height="120" fill="#5865f2"/><rect x="20" y="40" width="40" height="80" fill="#57f287"/></svg>').render().asPng();
    await rest.post(Routes.channelMessages(DEMO.channels.general), {
      body: { content: 'Upload check', allowed_mentions: { parse: [] } },
      files: [
        { name: 'chart.png', data: png, contentType: 'image/png' },
        { name: 'export.csv', data: Buffer.from('week,sessions\n1,3\n'), contentType: 'text/csv' },
      ],
    });
    const message = lastMessage(page);
    const image = message.locator('discord-image-attachment');
    await expect.poll(() => image.evaluate((node) => node.shadowRoot?.querySelector('img')?.naturalWidth ?? 0)).toBe(240);
    const href = (await message.locator('discord-file-attachment').getAttribute('href')) ?? '';
    expect(await page.evaluate(async (url) => (await fetch(url)).text(), href)).toBe('week,sessions\n1,3\n');
    await shot(page, '08-png-and-csv-attachments');
  });

  it("shows the bot's direct messages to their reader only", async () => {
    const double = running.session.doubleForTests;
    const rest = new REST({ api: double.apiUrl }).setToken(double.botToken ?? '');
    const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: DEMO.users.moderator } })) as { id: string };
    await rest.post(Routes.channelMessages(channel.id), { body: { content: 'Pacer could not post in #challenges (Missing Access).', allowed_mentions: { parse: [] } } });
    const dmLink = page.locator(`#channels a[data-channel-id="${channel.id}"]`);
    await dmLink.click();
    await expect.poll(() => lastMessage(page).textContent()).toContain('could not post in');
    expect(await page.locator('#composer-input').isDisabled()).toBe(true);
    await shot(page, '09-direct-message');
    await actAs(page, /Rita/);
    expect(await dmLink.count()).toBe(0);
    expect(await page.locator('#channel-title').textContent()).toBe('# general');
    await actAs(page, /Mo/);
  });

  it('sets up the club and moves the clock to the weekly post', async () => {
    expect(subcommands('club')).toContain('setup');
    await runCommand(page, '/club setup', await fillRequired(page, '/club setup'));
    await expect.poll(() => lastMessage(page).textContent()).not.toBe('');
    await shot(page, '10-club-setup');
    await openChannel(page, 'challenges');
    const posts = page.locator('#messages discord-message');
    // "Next post" jumps to the next due schedule, which may be a quiet one (a recap with nothing to say).
    for (let jump = 0; jump < 4 && (await posts.count()) === 0; jump += 1) {
      await page.click('#clock-next');
      await expect.poll(() => page.locator('#clock-now').textContent()).toMatch(/ahead/);
      await page.waitForTimeout(1000);
    }
    await expect.poll(() => posts.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shot(page, '11-weekly-post');
  });

  it('joins the challenge and logs a session by button', async () => {
    await openChannel(page, 'challenges');
    const post = page.locator('#messages discord-message').filter({ has: page.locator('discord-button') }).first();
    await expect.poll(() => post.count()).toBe(1);
    await actAs(page, /Rita/);
    await clickButton(page, post, /join/i);
    await expect.poll(() => lastMessage(page).textContent()).toMatch(/you joined week \d/i);
    expect(await lastMessage(page).getAttribute('ephemeral')).not.toBeNull();
    await clickButton(page, post, /log|done|did it/i);
    await expect.poll(() => lastMessage(page).textContent()).toMatch(/logged a session.*\b1 of \d/i);
    expect(await lastMessage(page).getAttribute('ephemeral')).not.toBeNull();
    await shot(page, '12-join-and-log');
    await actAs(page, /Mo/);
  });

  it('schedules an announcement through its modal and sees it arrive', async () => {
    // Announcement times are read in the club's zone, so they need the /club setup step above.
    expect(registered('announce')).toBe(true);
    const subs = subcommands('announce');
    const label = subs.length > 0 ? `/announce ${subs.find((name) => /schedule|new|create|add/.test(name)) ?? subs[0]}` : '/announce';
    await openChannel(page, 'announcements');
    await runCommand(page, label, await fillRequired(page, label, 'announcements'));
    const modal = page.locator('dialog#modal[open]');
    await modal.waitFor({ timeout: 5000 });
    for (const field of await modal.locator('textarea, input').all()) {
      const id = (await field.getAttribute('id')) ?? '';
      await field.fill(/when|time|date/i.test(id) ? 'in 2 hours' : /title/i.test(id) ? 'Sunday long run' : 'Long run on Sunday, 9:00 at the boathouse.');
    }
    await shot(page, '13-announcement-modal');
    await page.click('#modal-submit');
    await expect.poll(() => page.locator('dialog#modal[open]').count()).toBe(0);
    await page.click('#clock-next');
    await expect
      .poll(() => page.locator('#messages discord-message:not([ephemeral])').filter({ hasText: 'boathouse' }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await shot(page, '14-announcement-arrived');
  });

  it('shows the club stats chart', async () => {
    expect(subcommands('club')).toContain('stats');
    await actAs(page, /Mo/);
    await runCommand(page, '/club stats', await fillRequired(page, '/club stats'));
    // The chart is a PNG the bot uploaded, shown on its own or inside an embed (attachment://), as Discord does.
    const message = lastMessage(page);
    await expect.poll(() => message.locator('discord-image-attachment, discord-embed[image^="/attachments/"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const drawn = () =>
      message.evaluate((node) =>
        [...node.querySelectorAll('discord-image-attachment, discord-embed')].reduce((widest, element) => {
          const images = [...(element.shadowRoot?.querySelectorAll('img') ?? [])] as unknown as Array<{ naturalWidth: number; src: string }>;
          return Math.max(widest, ...images.filter((image) => image.src.includes('/attachments/')).map((image) => image.naturalWidth));
        }, 0),
      );
    await expect.poll(drawn).toBeGreaterThan(100);
    // Rita's join above is this week's one member.
    // Privately first, with the button that shares it to the channel.
    expect(await message.textContent()).toMatch(/\(this week, so far\): \d+ sessions?, 1 joined, 0 reached the target\s*Share to channel\s*$/);
    await scrollIntoView(message.locator('discord-image-attachment, discord-embed').last());
    await shot(page, '15-club-stats-chart');
  });

  it("exports the club's participation as a CSV download holding the session Rita logged", async () => {
    expect(subcommands('club')).toContain('export');
    await runCommand(page, '/club export');
    const file = lastMessage(page).locator('discord-file-attachment');
    await file.waitFor({ timeout: 10_000 });
    const href = (await file.getAttribute('href')) ?? '';
    const csv = await page.evaluate(async (url) => (await fetch(url)).text(), href);
    const [header, ...rows] = csv.trim().split(/\r?\n/).map((line) => line.split(','));
    expect(header).toEqual(expect.arrayContaining(['Discord member id', 'Week starting', 'Joined the challenge', 'Sessions logged']));
    const rita = rows.filter((row) => row[header!.indexOf('Discord member id')] === `id ${DEMO.users.rita}`);
    expect(rita.map((row) => [row[header!.indexOf('Joined the challenge')], row[header!.indexOf('Sessions logged')]])).toEqual([[expect.stringMatching(/^(1|true|yes)$/), '1']]);
    await scrollIntoView(file);
    await shot(page, '16-club-export-csv');
  });
});

/** Fills a command's required options from the demo club (channels, roles) or its own choices and autocomplete. */
async function fillRequired(page: Page, label: string, channel = 'challenges'): Promise<Record<string, string>> {
  await page.fill('#composer-input', label.split(' ')[0] ?? label);
  await page.click(`.pg-command[data-command="${label}"]`);
  const values: Record<string, string> = {};
  for (const chip of await page.locator('#command-line .pg-chip.required').all()) {
    const control = chip.locator('input, select');
    const name = (await control.getAttribute('name')) ?? '';
    if ((await control.evaluate((node) => node.tagName)) === 'SELECT') {
      const options = await control.locator('option').evaluateAll((nodes) => nodes.map((node) => ({ value: (node as unknown as { value: string }).value, text: node.textContent ?? '' })));
      const preferred = options.find((option) => option.text === `#${channel}` || option.text === '@Committee') ?? options.find((option) => option.value !== '');
      values[name] = preferred?.value ?? '';
    } else {
      values[name] = /zone/i.test(name) ? 'Europe/London' : /when/i.test(name) ? 'in 2 hours' : /time|hour/i.test(name) ? '18:00' : /day/i.test(name) ? 'Monday' : 'Sunday long run';
    }
  }
  await page.click('.pg-cancel');
  return values;
}
