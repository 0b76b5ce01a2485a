/**
 * The playground's clock against the real Pacer: "+1 week" runs minute by minute, so a daily announcement posts
 * seven times on time and the weekly challenge once; "Pacer offline for…" shows what downtime does instead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../tools/playground/demo-club.js';
import { clubTimeIn, clubWeekdayIn } from './club-time.js';
import { PlaygroundSession, type PageEvent } from '../../tools/playground/session.js';

let session: PlaygroundSession;
const events: PageEvent[] = [];

const channelPosts = (channelId: string) => session.doubleForTests.messagesIn(channelId);
const allText = (channelId: string) => channelPosts(channelId).map((message) => JSON.stringify([message.content, message.embeds])).join('\n');

async function until(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 25) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function scheduleDaily(title: string, body: string): Promise<void> {
  const before = events.length;
  session.runSlash({
    user: DEMO.users.moderator,
    channelId: DEMO.channels.announcements,
    name: 'announce',
    subcommand: 'schedule',
    options: { channel: DEMO.channels.announcements, when: clubTimeIn(2 * 3_600_000), repeat: 'daily' },
  });
  await until(() => events.slice(before).some((event) => event.type === 'modal'), 'the announcement modal');
  const modal = events.slice(before).find((event) => event.type === 'modal') as Extract<PageEvent, { type: 'modal' }>;
  const inputs = (modal.modal.components as Array<{ components?: Array<{ custom_id: string; label: string }>; component?: { custom_id: string; label?: string } }>)
    .flatMap((row) => row.components ?? (row.component ? [row.component] : []));
  const fields = Object.fromEntries(inputs.map((input) => [input.custom_id, /title/i.test(input.label ?? input.custom_id) ? title : body]));
  const submitted = events.length;
  session.submitModal(DEMO.users.moderator, String(modal.modal.custom_id), fields);
  await until(() => events.slice(submitted).some((event) => event.type === 'message' && event.shown.source === 'interaction-response'), "Pacer's reply to the modal");
}

describe('the running clock', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    session = await PlaygroundSession.start({ logLevel: 'silent' });
    session.subscribe((event) => events.push(event));
    session.runSlash({
      user: DEMO.users.moderator,
      channelId: DEMO.channels.general,
      name: 'club',
      subcommand: 'setup',
      options: { channel: DEMO.channels.challenges, timezone: 'Europe/London', day: clubWeekdayIn(3), time: '18:00' },
    });
    await until(() => session.state().clock.timezone === 'Europe/London', '/club setup');
  }, 30_000);

  afterAll(async () => {
    await session?.stop();
  });

  it('"+1 week" posts a daily announcement seven times on time and the weekly challenge once', async () => {
    await scheduleDaily('Daily stretch', 'Ten minutes of stretching after your run.');
    const started = Date.now();
    const state = await session.runClock('week');
    const seconds = (Date.now() - started) / 1000;
    const announcements = channelPosts(DEMO.channels.announcements).filter((message) => JSON.stringify(message.embeds).includes('Daily stretch'));
    expect(announcements).toHaveLength(7);
    // Each post carries the time it went out: one a day, 24 hours apart.
    const times = announcements.map((message) => Date.parse(message.timestamp));
    expect(times.slice(1).map((time, index) => Math.round((time - times[index]!) / 60_000))).toEqual([1440, 1440, 1440, 1440, 1440, 1440]);
    const weekly = channelPosts(DEMO.channels.challenges);
    expect(weekly).toHaveLength(1);
    expect(allText(DEMO.channels.challenges)).not.toMatch(/Posted late/);
    expect(allText(DEMO.channels.announcements) + allText(DEMO.channels.general) + allText(DEMO.channels.challenges)).not.toMatch(/offline/i);
    // The first recap after setup has no finished week to close: skipped, and the line says why.
    expect(state.lastRun).toMatchObject({ mode: 'running', posted: 8, late: 0, skipped: 1, failed: 0 });
    expect(state.lastRun?.words).toBe(
      'Pacer ran for 7 days, minute by minute: 8 posts went out on time (7 announcements, 1 weekly challenge post); 1 challenge recap skipped: no challenge week to close.',
    );
    expect(events.some((event) => event.type === 'clock' && event.clock.progress !== null)).toBe(true);
    console.log(`+1 week, minute by minute: ${seconds.toFixed(1)} s for 10,080 scheduler runs`);
  });

  it('"Pacer offline for 1 day" skips the announcement that fell in the gap, says why, and tells the moderators', async () => {
    const before = allText(DEMO.channels.announcements);
    const state = await session.offline('day');
    expect(state.lastRun).toMatchObject({ mode: 'offline', posted: 0, skipped: 1 });
    expect(state.lastRun?.words).toBe(
      'Pacer was offline for 1 day, then started again: 1 announcement skipped: they were due while Pacer was offline and were past the catch-up window (moderators were told).',
    );
    expect(allText(DEMO.channels.announcements)).toBe(before);
  });
});
