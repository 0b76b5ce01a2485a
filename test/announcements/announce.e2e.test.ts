/**
 * `/announce` end to end: the real entry point and discord.js client against the Discord double, on a real
 * SQLite file. A moderator schedules through the modal, lists, previews, edits, pauses, resumes and cancels;
 * members and forged ids are refused privately with nothing changed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementPost } from '../../src/announcements/post.js';
import { createAnnouncement, getAnnouncement } from '../../src/announcements/store.js';
import { defaultFixtureGuild, FIXTURE, PermissionBits, type ApiMessage, type InteractionHandle } from '@pacer/discord-double';
import { startPacer, type Pacer } from '../support/pacer.js';

type Json = Record<string, unknown>;

const MOD = FIXTURE.users.moderator;
const MEMBER = FIXTURE.users.member;
const CHANNEL = FIXTURE.channels.announcements;
const ROLE = FIXTURE.roles.moderator;
const OTHER_GUILD = '1200000000000000999';

function components(message: ApiMessage): Json[] {
  return (message.components as Json[]).flatMap((row) => (row.components as Json[] | undefined) ?? []);
}

function buttonId(message: ApiMessage, label: RegExp): string {
  const found = components(message).find((c) => c.type === 2 && label.test(String(c.label)));
  if (!found) throw new Error(`no button ${label} in ${JSON.stringify(message.components)}`);
  return String(found.custom_id);
}

function modalFields(handle: InteractionHandle): Record<string, Json> {
  const rows = handle.modal().components as Json[];
  const inputs = rows.flatMap((row) => (row.components as Json[] | undefined) ?? [row.component as Json]);
  return Object.fromEntries(inputs.map((input) => [String(input.custom_id), input]));
}

describe('/announce through Discord', () => {
  let pacer: Pacer;
  const storage = () => pacer.app.context.storage;
  const announcementsWhere = (guildId?: string) => {
    const { announcements } = storage().t;
    return storage().run((db) => db.select().from(announcements).where(guildId ? eq(announcements.guildId, guildId) : undefined));
  };
  const countRows = async () => (await announcementsWhere()).length;

  const slash = (subcommand: string, options: Record<string, string | number> = {}, user: string = MOD, permissions?: bigint) =>
    pacer.double.runSlash('announce', {
      subcommand,
      options,
      user,
      ...(permissions !== undefined ? { permissions } : {}),
      // As if a server admin had opened the command to everyone in Integrations: the handler must still refuse.
      bypassPermissionGate: user === MEMBER,
    });

  /** Runs /announce schedule, fills in the modal it opens, and returns the confirmation. */
  async function schedule(options: Record<string, string>, text: { title?: string; body: string }, user: string = MOD) {
    const command = slash('schedule', { channel: CHANNEL, ...options }, user);
    const callback = await command.response();
    expect(callback.type, JSON.stringify(callback.data)).toBe(9);
    expect(command.rejectedCallbacks).toEqual([]);
    const customId = String(command.modal().custom_id);
    const submit = pacer.double.submitModal(customId, { title: text.title ?? '', body: text.body }, { user });
    const reply = await submit.reply();
    return { command, customId, submit, reply };
  }

  const idFrom = (reply: ApiMessage) => Number(/#(\d+)/.exec(reply.content)?.[1]);

  beforeAll(async () => {
    pacer = await startPacer();
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('asks for /club setup first when the server has no club settings', async () => {
    const handle = slash('schedule', { channel: CHANNEL, when: '2027-06-01 18:00' });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/Run `\/club setup` first/);
    expect(await countRows()).toBe(0);
    await storage().run((db) => db.insert(storage().t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London', region: 'UK' }));
  });

  it('schedules a weekly announcement through the modal and confirms id, channel, next three posts, ping and preview', async () => {
    const { reply, submit } = await schedule({ when: '2027-06-07 18:00', repeat: 'weekly', ping: ROLE }, { title: 'Hill reps', body: 'Meet at the gate. @everyone <@&1400000000000000002>' });
    expect(submit.isEphemeral()).toBe(true);
    const id = idFrom(reply);
    expect(reply.content).toContain(`Announcement #${id} scheduled`);
    expect(reply.content).toContain(`<#${CHANNEL}>`);
    // Monday 7, 14 and 21 June 2027, 18:00 BST.
    for (const iso of ['2027-06-07T17:00:00Z', '2027-06-14T17:00:00Z', '2027-06-21T17:00:00Z']) {
      expect(reply.content).toContain(`<t:${Date.parse(iso) / 1000}:F>`);
    }
    expect(reply.content).toContain(`Pings: <@&${ROLE}>`);
    expect(reply.content).toMatch(/weekly/);

    const row = (await getAnnouncement(storage(), FIXTURE.guildId, id))!;
    expect(row).toMatchObject({ title: 'Hill reps', channelId: CHANNEL, repeat: 'weekly', cron: '0 18 * * 1', status: 'active', createdBy: MOD, timezone: 'Europe/London' });
    expect(row.nextRunAt?.toISOString()).toBe('2027-06-07T17:00:00.000Z');

    const preview = pacer.double.clickButton(buttonId(reply, /Preview/), { messageId: reply.id, user: MOD });
    const shown = await preview.reply();
    expect(preview.isEphemeral()).toBe(true);
    const post = announcementPost(row);
    expect(shown.content).toBe(post.content ?? '');
    expect(shown.embeds).toEqual([expect.objectContaining(post.embeds![0] as Json)]);
    expect(pacer.double.messagesIn(CHANNEL)).toEqual([]);
  });

  it('reads a day-first date for a UK club and says so', async () => {
    const { reply } = await schedule({ when: '1/6/2027 09:30' }, { body: 'Parkrun social' });
    expect(reply.content).toContain(`<t:${Date.parse('2027-06-01T08:30:00Z') / 1000}:F>`);
    expect(reply.content).toMatch(/day first.*1\/6 is 1 June/);
  });

  it('refuses a bad time or rule privately before any modal, with an example', async () => {
    for (const [options, pattern] of [
      [{ when: 'banana 7am' }, /could not read.*tomorrow 18:00/],
      [{ when: '2020-01-01 10:00' }, /already passed/],
      [{ when: '2027-06-01 18:00', cron: '*/10 * * * *' }, /more than once an hour/],
      [{ when: '2027-06-01 18:00', cron: '0 18 * *' }, /five fields/],
    ] as const) {
      const handle = slash('schedule', { channel: CHANNEL, ...options });
      const reply = await handle.reply();
      expect(handle.isEphemeral()).toBe(true);
      expect(reply.content).toMatch(pattern);
    }
  });

  it('lets only members with Mention Everyone ping @everyone', async () => {
    const refused = slash('schedule', { channel: CHANNEL, when: '2027-06-01 18:00', ping: FIXTURE.guildId }, MOD, PermissionBits.ManageGuild);
    expect((await refused.reply()).content).toMatch(/Mention Everyone/);
    const { reply } = await schedule({ when: '2027-06-02 18:00', ping: FIXTURE.guildId }, { body: 'Everyone!' });
    expect(reply.content).toContain('Pings: @everyone');
  });

  it('refuses a 6,000-character message privately and saves nothing', async () => {
    const before = await countRows();
    const { submit, reply } = await schedule({ when: '2027-06-01 18:00' }, { body: 'x'.repeat(6000) });
    expect(submit.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/6,000 characters.*at most 4,000.*Nothing was saved/);
    expect(await countRows()).toBe(before);
  });

  it('refuses a message of only invisible characters privately and saves nothing', async () => {
    const before = await countRows();
    const { submit, reply } = await schedule({ when: '2027-06-01 18:00' }, { body: '\u200b\u200d\u2060 \u200b' });
    expect(submit.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/invisible characters.*blank message.*Nothing was saved/);
    expect(await countRows()).toBe(before);
  });

  it('says so when the text fills the form, where Discord cuts a longer paste', async () => {
    const form = slash('schedule', { channel: CHANNEL, when: '2027-06-04 18:00' });
    await form.response();
    expect(String(modalFields(form)['body']?.label)).toMatch(/up to 4,000 characters/);
    const full = await schedule({ when: '2027-06-04 18:00' }, { body: 'y'.repeat(4000) });
    expect(full.reply.content).toMatch(/4,000 characters, the most Discord's form holds: if you pasted more, the form cut off the end/);
    const short = await schedule({ when: '2027-06-04 19:00' }, { body: 'y'.repeat(3999) });
    expect(short.reply.content).not.toMatch(/cut off/);
  });

  it('refuses a member who is not a moderator, through the command and a forged modal, and changes nothing', async () => {
    const before = await countRows();
    const handle = slash('schedule', { channel: CHANNEL, when: '2027-06-01 18:00' }, MEMBER);
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toMatch(/Only moderators/);
    const { customId } = await schedule({ when: '2027-06-03 18:00' }, { body: 'mine' });
    const forged = pacer.double.submitModal(customId, { title: '', body: 'not mine' }, { user: MEMBER });
    expect((await forged.reply()).content).toMatch(/Only moderators/);
    expect(await countRows()).toBe(before + 1);
    for (const sub of ['list', 'pause', 'cancel']) {
      const h = slash(sub, sub === 'list' ? {} : { id: 1 }, MEMBER);
      expect((await h.reply()).content, sub).toMatch(/Only moderators/);
    }
    expect((await getAnnouncement(storage(), FIXTURE.guildId, 1))?.status).toBe('active');
  });

  it("accepts the club's moderator role without Manage Server", async () => {
    const withoutManage = PermissionBits.ViewChannel | PermissionBits.SendMessages | PermissionBits.UseApplicationCommands;
    const refused = pacer.double.runSlash('announce', { subcommand: 'preview', options: { id: 1 }, user: MOD, permissions: withoutManage, bypassPermissionGate: true });
    expect((await refused.reply()).content).toMatch(/Only moderators/);
    const { clubs } = storage().t;
    await storage().run((db) => db.update(clubs).set({ moderatorRoleId: ROLE }).where(eq(clubs.guildId, FIXTURE.guildId)));
    const allowed = pacer.double.runSlash('announce', { subcommand: 'preview', options: { id: 1 }, user: MOD, permissions: withoutManage, bypassPermissionGate: true });
    expect((await allowed.reply()).embeds[0]).toMatchObject({ title: 'Hill reps' });
  });

  it('previews privately exactly what will be posted', async () => {
    const handle = slash('preview', { id: 1 });
    const shown = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    const post = announcementPost((await getAnnouncement(storage(), FIXTURE.guildId, 1))!);
    expect(shown.content).toBe(post.content);
    expect(shown.embeds[0]).toMatchObject(post.embeds![0] as Json);
  });

  it('edits through a modal filled with the current text, and can move the time', async () => {
    const open = slash('edit', { id: 1, when: '2027-06-09 07:00' });
    expect((await open.response()).type).toBe(9);
    const fields = modalFields(open);
    expect(fields.title?.value).toBe('Hill reps');
    expect(fields.body?.value).toBe('Meet at the gate. @everyone <@&1400000000000000002>');
    const submit = pacer.double.submitModal(String(open.modal().custom_id), { title: 'Hill reps (new time)', body: 'Meet at the lake.' }, { user: MOD });
    const reply = await submit.reply();
    expect(reply.content).toContain('Announcement #1 updated');
    expect(reply.content).toContain(`<t:${Date.parse('2027-06-09T06:00:00Z') / 1000}:F>`);
    const row = (await getAnnouncement(storage(), FIXTURE.guildId, 1))!;
    expect(row).toMatchObject({ title: 'Hill reps (new time)', body: 'Meet at the lake.', editedBy: MOD, cron: '0 7 * * 3', repeat: 'weekly' });
  });

  it('pauses and resumes, recording who did it', async () => {
    const paused = await slash('pause', { id: 1 }).reply();
    expect(paused.content).toMatch(/#1 is paused/);
    expect(await getAnnouncement(storage(), FIXTURE.guildId, 1)).toMatchObject({ status: 'paused', pausedBy: MOD });
    expect((await slash('pause', { id: 1 }).reply()).content).toMatch(/is paused, so there is nothing to pause/);
    const list = await slash('list').reply();
    expect(list.content).toMatch(/\*\*#1\*\* Hill reps \(new time\)\n<#\d+> · next: <t:\d+:f> · weekly · by <@\d+> · paused/);
    const resumed = await slash('resume', { id: 1 }, FIXTURE.users.admin).reply();
    expect(resumed.content).toContain('Announcement #1 updated');
    expect(await getAnnouncement(storage(), FIXTURE.guildId, 1)).toMatchObject({ status: 'active', resumedBy: FIXTURE.users.admin });
  });

  it('lists this club only, a page at a time', async () => {
    const [other] = await storage().run((db) => db.insert(storage().t.clubs).values({ guildId: OTHER_GUILD, timezone: 'America/New_York' }).returning());
    const foreignId = await createAnnouncement(storage(), {
      guildId: other!.guildId,
      channelId: '1300000000000000999',
      repeat: 'none',
      cron: null,
      firstRun: new Date('2027-01-01T00:00:00Z'),
      title: 'Secret',
      body: 'another club',
      ping: { kind: 'nobody' },
      pingRoleId: null,
      by: '1500000000000000999',
      at: new Date(),
    });
    for (let i = 0; i < 8; i++) await schedule({ when: `2027-07-${10 + i} 18:00` }, { body: `Filler ${i}` });
    const ours = (await announcementsWhere(FIXTURE.guildId)).length;
    expect(ours).toBeGreaterThan(10);

    const first = slash('list');
    const page1 = await first.reply();
    expect(first.isEphemeral()).toBe(true);
    expect(page1.content).toMatch(new RegExp(`page 1 of 2, ${ours} in all`));
    expect(page1.content).not.toContain('Secret');
    const page2 = await pacer.double.clickButton(buttonId(page1, /Older/), { messageId: page1.id, user: MOD }).reply();
    expect(page2.content).toMatch(/page 2 of 2/);
    expect(page2.content).toContain('**#1** Hill reps');

    const suggest = pacer.double.autocomplete('announce', { subcommand: 'preview', focused: { name: 'id', value: '' }, user: MOD });
    await suggest.response();
    const ids = suggest.autocompleteChoices().map((c) => c.value);
    expect(ids).toContain(1);
    expect(ids).not.toContain(foreignId);
    const memberSuggest = pacer.double.autocomplete('announce', { subcommand: 'preview', focused: { name: 'id', value: '' }, user: MEMBER, bypassPermissionGate: true });
    await memberSuggest.response();
    expect(memberSuggest.autocompleteChoices()).toEqual([]);

    const foreign = slash('preview', { id: foreignId });
    expect((await foreign.reply()).content).toBe(`There is no announcement #${foreignId} in this server. \`/announce list\` shows this server's announcements.`);
    expect(foreign.isEphemeral()).toBe(true);
  });

  it('answers forged buttons privately without changing anything', async () => {
    const missing = pacer.double.clickButton('an:1:cx:999999', { user: MOD });
    expect((await missing.reply()).content).toMatch(/no announcement #999999/);
    expect(missing.isEphemeral()).toBe(true);
    const garbage = pacer.double.clickButton('an:1:cx:drop-table', { user: MOD });
    expect((await garbage.reply()).content).toMatch(/no longer works/);
    const [foreign] = await announcementsWhere(OTHER_GUILD);
    const foreignCancel = pacer.double.clickButton('an:1:cx:' + String(foreign!.id), { user: MOD });
    expect((await foreignCancel.reply()).content).toMatch(/no announcement/);
    const { schedules } = storage().t;
    expect(await storage().run((db) => db.select().from(schedules).where(eq(schedules.status, 'cancelled')))).toEqual([]);
  });

  it('cancels after a confirm button, recording who', async () => {
    const prompt = await slash('cancel', { id: 1 }).reply();
    expect(prompt.content).toMatch(/Cancel announcement #1/);
    expect((await getAnnouncement(storage(), FIXTURE.guildId, 1))?.status).toBe('active');
    const done = await pacer.double.clickButton(buttonId(prompt, /Cancel announcement/), { messageId: prompt.id, user: MOD }).reply();
    expect(done.content).toMatch(/#1 is cancelled/);
    expect(await getAnnouncement(storage(), FIXTURE.guildId, 1)).toMatchObject({ status: 'cancelled', cancelledBy: MOD, nextRunAt: null });
    expect((await slash('edit', { id: 1 }).reply()).content).toMatch(/cancelled and cannot be edited/);
  });

  it('sent nothing Discord would refuse', () => {
    expect(pacer.double.validationErrors).toEqual([]);
    expect(pacer.logs()).not.toMatch(/Meet at the gate|Filler 3/);
  });
});

describe('/announce where Pacer may not post', () => {
  let pacer: Pacer;
  beforeAll(async () => {
    const guild = defaultFixtureGuild();
    const botRole = guild.roles.find((role) => role.id === FIXTURE.roles.bot)!;
    botRole.permissions = PermissionBits.ViewChannel | PermissionBits.SendMessages;
    const everyone = guild.roles.find((role) => role.id === guild.id)!;
    everyone.permissions &= ~PermissionBits.EmbedLinks;
    pacer = await startPacer({ double: { guilds: [guild] } });
    const { storage } = pacer.app.context;
    await storage.run((db) => db.insert(storage.t.clubs).values({ guildId: FIXTURE.guildId, timezone: 'Europe/London' }));
  });
  afterAll(async () => {
    await pacer?.stop();
  });

  it('refuses before the form and says which permission is missing', async () => {
    const handle = pacer.double.runSlash('announce', { subcommand: 'schedule', options: { channel: CHANNEL, when: '2027-06-01 18:00' }, user: MOD });
    const reply = await handle.reply();
    expect(handle.isEphemeral()).toBe(true);
    expect(reply.content).toBe(`Pacer cannot post in <#${CHANNEL}>: it lacks Embed Links there. Give Pacer those permissions in that channel, or pick another. Nothing was saved.`);
    const { storage } = pacer.app.context;
    expect(await storage.run((db) => db.select().from(storage.t.announcements))).toEqual([]);
  });
});
