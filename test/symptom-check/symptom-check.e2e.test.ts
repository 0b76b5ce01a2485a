import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PATTERN_NAMES, type PatternId } from '../../src/content/conditions.js';
import { PROGRESS_LAYOUT_VERSION, toAnswers } from '../../src/symptom-check/progress.js';
import type { TriageLevel } from '../../src/symptom-check/levels.js';
import type { ApiMessage } from '@pacer/discord-double';
import { median, vignettes } from './helpers.js';
import { buttonLabelled, components, KneeCheckDriver, type Select } from './support/knee-check.js';
import { startPacer, type Pacer } from '../support/pacer.js';

interface Embed {
  title: string;
  description: string;
  fields: { name: string; value: string }[];
  footer: { text: string };
}
const embedOf = (message: ApiMessage) => message.embeds[0] as unknown as Embed;

/** The level a result card shows, read from its title as a member would. */
function levelShown(message: ApiMessage): TriageLevel {
  // Each level has its own colour; titles name the part of the body and the action of the leading flag.
  const byColour: Record<number, TriageLevel> = { 0xd93025: 'EMERGENCY', 0xf29900: 'URGENT', 0xf4c20d: 'ROUTINE', 0x2e9e5b: 'SELF_MANAGE' };
  const level = byColour[(message.embeds[0] as { color?: number }).color ?? -1];
  if (!level) throw new Error(`not a result card: ${embedOf(message).title}`);
  return level;
}

describe('/symptom-check in Discord', () => {
  let pacer: Pacer;
  let driver: KneeCheckDriver;
  beforeEach(async () => {
    pacer = await startPacer();
    driver = new KneeCheckDriver(pacer.double);
  });
  afterEach(async () => {
    await pacer?.stop();
  });

  const answersOf = (id: string) => vignettes.find((v) => v.id === id)!.answers as Record<string, unknown>;

  it('takes a runner from the command to a short self-care result, with "Why, and what helps" and exercise cards one tap away', async () => {
    const first = await driver.start();
    expect(embedOf(first).title).toMatch(/^Knee check · question 1 of about \d+$/);
    const { result, screens } = await driver.answerAll(first, answersOf('HV01'));

    expect(screens).toBeGreaterThanOrEqual(8);
    // Taps as a person counts them (the intro's "I understand, start" included), far below the second pass's 55.
    expect(driver.taps + 1).toBeLessThanOrEqual(40);
    expect(result.id).toBe(first.id); // every step replaced the same private message
    expect((result.flags & 64) !== 0).toBe(true);
    const embed = embedOf(result);
    expect(embed.title).toBe('You can look after this yourself for now');
    expect(embed.description).toMatch(/share some features with .*runner's knee/);
    expect(JSON.stringify(result.embeds)).not.toMatch(/you have/i);
    expect(embed.footer.text).toMatch(/not a diagnosis/);
    expect(JSON.stringify(result).match(/not a diagnosis/g)).toHaveLength(1);
    expect(embed.fields.map((f) => f.name)).toEqual(['Exercises to start with', 'Get checked sooner if things change', 'Who to contact']);
    expect(embed.fields.find((f) => f.name === 'Who to contact')!.value).toMatch(/Emergency: \*\*999\*\*.*NHS 111/);

    const why = await driver.clickHandle(result, 'Why, and what helps').reply();
    expect((why.flags & 64) !== 0).toBe(true);
    expect(why.id).not.toBe(result.id);
    const details = JSON.stringify(why.embeds);
    expect(details).toContain('Where it hurts: Around or behind the kneecap');
    expect(details).toMatch(/Green, 0 to 3/);
    expect(details).toContain('What to change in your running');

    const cardButton = buttonLabelled(result, /^Open card: /);
    const card = await pacer.double.clickButton(cardButton.custom_id, { messageId: result.id }).reply();
    expect(card.embeds[0]?.title).toBe(cardButton.label.replace('Open card: ', ''));
    expect((card.flags & 64) !== 0).toBe(true);
    expect(pacer.double.validationErrors).toEqual([]);
  });

  it('clicks all 20 development cases through Discord: each at an acceptable level, adults with no red flag one question a screen, buttons first', async () => {
    const calmAdultScreens: number[] = [];
    for (const v of vignettes) {
      const { result, screens } = await driver.answerAll(await driver.start(), v.answers as Record<string, unknown>);
      const level = levelShown(result);
      console.log(`${v.id}: ${level} after ${screens} screens`);
      expect(v.expected.acceptable_levels, v.id).toContain(level);
      const cards = components(result).filter((c) => c.custom_id.startsWith('ex:'));
      if (v.expected.must_not_show_cards) expect(cards, v.id).toEqual([]);
      if ((level === 'SELF_MANAGE' || level === 'ROUTINE') && v.expected.patterns_any_of.length > 0) {
        const named = v.expected.patterns_any_of.some((p) => embedOf(result).description.includes(PATTERN_NAMES[p as PatternId].plain));
        expect(named, v.id).toBe(true);
      }
      const age = (v.answers as { Q00_age?: string }).Q00_age;
      if ((level === 'SELF_MANAGE' || level === 'ROUTINE') && age && !['age_under_13', 'age_13_15'].includes(age)) calmAdultScreens.push(screens);
    }
    console.log(`median screens, adults ending SELF_MANAGE or ROUTINE: ${median(calmAdultScreens)} (${calmAdultScreens.join(', ')})`);
    expect(calmAdultScreens.length).toBeGreaterThanOrEqual(5);
    expect(median(calmAdultScreens)).toBeLessThanOrEqual(20);
    expect(pacer.double.validationErrors).toEqual([]);
  }, 120_000);

  it('stops at the first question when a red flag is ticked: the action first, no exercise cards', async () => {
    const first = await driver.start();
    expect(embedOf(first).description).toContain('Swollen or sore calf AND short of breath, chest pain or coughing blood');
    const result = await driver.choose(first, ['calf_swollen_plus_breathless']);
    const embed = embedOf(result);
    expect(embed.title).toBe('Get help now: your breathing needs checking');
    expect(embed.description).toMatch(/^\*\*Call 999 now\./);
    expect(JSON.stringify(result.embeds)).toMatch(/Sit upright/);
    expect(JSON.stringify(result.embeds)).not.toMatch(/put weight|weeks|share some features/i);
    expect(components(result).some((c) => c.custom_id.startsWith('ex:'))).toBe(false);
  });

  it("uses the club's region for the emergency number", async () => {
    await pacer.storage.run((db) => db.insert(pacer.storage.t.clubs).values({ guildId: pacer.double.guilds[0]!.id, region: 'US' }));
    const result = await driver.choose(await driver.start(), ['deformed_or_kneecap_out']);
    expect(embedOf(result).description).toContain('Call 911');
  });

  it("uses the deployment's PACER_REGION for a club row that has no region of its own", async () => {
    await pacer.stop();
    pacer = await startPacer({ env: { PACER_REGION: 'US' } });
    driver = new KneeCheckDriver(pacer.double);
    await pacer.storage.run((db) => db.insert(pacer.storage.t.clubs).values({ guildId: pacer.double.guilds[0]!.id, region: null }));
    const result = await driver.choose(await driver.start(), ['deformed_or_kneecap_out']);
    const text = JSON.stringify(result.embeds);
    expect(text).toContain('911');
    expect(text).not.toContain('999');
  });

  it('goes back one screen, and stops cleanly on request', async () => {
    const first = await driver.start();
    const age = await driver.choose(first, ['none']);
    expect(embedOf(age).title).toMatch(/^Knee check · question 2 of about/);
    const onset = await driver.click(age, '18 to 39');
    expect(embedOf(onset).title).toMatch(/^Knee check · question 3 of about/);
    const backAgain = await driver.click(onset, '◀ Back');
    expect(embedOf(backAgain).title).toMatch(/^Knee check · question 2 of about/);
    expect(embedOf(backAgain).description).toContain('How old are you?');
    const stopped = await driver.click(backAgain, 'Stop');
    expect(stopped.content).toMatch(/stopped\. Nothing was saved/);
    expect(stopped.components).toEqual([]);
  });

  it('asks for a concrete check after "not sure" on the safety screen, then goes on with the real answer', async () => {
    const check = await driver.choose(await driver.start(), ['unsure']);
    const embed = embedOf(check);
    expect(embed.title).toBe("Knee check · question 1: let's check");
    expect(embed.description).toMatch(/try 4 steps/);
    const select = components(check).find((c): c is Select => c.type === 3)!;
    expect(select.options.map((o) => o.value)).not.toContain('unsure');
    const age = await driver.choose(check, ['none']);
    expect(embedOf(age).title).toMatch(/^Knee check · question 2 of about/);
    expect(toAnswers(driver.progressOf(age)).Q01_emergency_screen).toEqual(['none']);
  });

  it('treats "Still not sure" as not ruled out: same-day care naming the sign, no exercise cards', async () => {
    const check = await driver.choose(await driver.start(), ['unsure']);
    const age = await driver.click(check, 'Still not sure');
    expect(embedOf(age).title).toMatch(/^Knee check · question 2 of about/);
    const { result } = await driver.answerAll(age, answersOf('HV01'));
    expect(levelShown(result)).toBe('URGENT');
    expect(JSON.stringify(result.embeds)).toMatch(/not sure about the first safety questions.*Tell the health professional/);
    expect(components(result).some((c) => c.custom_id.startsWith('ex:'))).toBe(false);
  });

  it('keeps what was ticked alongside "not sure" when the member stays unsure', async () => {
    const calm = { ...answersOf('HV01'), Q16_systemic: undefined };
    let message = await driver.start();
    while (!driver.questionsOn(message).includes('Q16_systemic')) message = await driver.answerScreen(message, calm);
    // The health screen lists every option first; "Yes, or not sure" opens its questions one by one.
    message = await driver.click(message, 'Yes, or not sure');
    const menu = components(message).find((c): c is Select => c.type === 3 && c.options.some((o) => o.value === 'fever_or_chills'))!;
    const check = await driver.choose(message, ['fever_or_chills', 'unsure'], menu);
    const next = await driver.click(check, 'Still not sure');
    expect(toAnswers(driver.progressOf(next)).Q16_systemic).toEqual(['fever_or_chills', 'unsure']);
  });

  it('skips the check when an emergency is ticked along with "not sure"', async () => {
    const result = await driver.choose(await driver.start(), ['deformed_or_kneecap_out', 'unsure']);
    expect(levelShown(result)).toBe('EMERGENCY');
  });

  it('answers a forged or out-of-date button with a clear "start again"', async () => {
    for (const forged of [
      `sc:2:${PROGRESS_LAYOUT_VERSION}:zzzzzzzzzzzz:o1.0`,
      'sc:2:0000:0:g',
      `sc:2:${PROGRESS_LAYOUT_VERSION}:0:o0.99`,
      `sc:2:${PROGRESS_LAYOUT_VERSION}:0:m150`,
      'sc:1:aa01:0:g',
      // A leading zero is not the current version (strict parsing).
      `sc:03:${PROGRESS_LAYOUT_VERSION}:0:g`,
      'sc:7:x:y:z',
    ]) {
      const reply = await pacer.double.clickButton(forged).reply();
      expect(reply.content).toMatch(/expired or could not be read.*start again/i);
      expect(buttonLabelled(reply, 'Start again')).toBeDefined();
    }
  });

  it('keeps no answer in the database or the log, only an anonymous count of the outcome', async () => {
    await driver.answerAll(await driver.start(), answersOf('HV02'));
    // Counted once the result was delivered (just after Discord accepted it).
    await expect.poll(() => pacer.rows(sql`select level, cast(count as integer) as count from triage_outcome_counts`)).toEqual([{ level: 'SELF_MANAGE', count: 1 }]);
    expect((await pacer.rows<{ month: string }>(sql`select month from triage_outcome_counts`))[0]!.month).toMatch(/^\d{4}-\d{2}$/);
    const stored = await storedText(pacer);
    expect(stored).toContain('SELF_MANAGE'); // the reading sees the data
    const log = pacer.logs();
    for (const answer of ['outer_side_above_joint_line', 'pain_at_predictable_point_in_run', 'cambered_roads', 'age_18_39', 'Q09_location']) {
      expect(stored).not.toContain(answer);
      expect(log).not.toContain(answer);
    }
    // Not even the packed state that the buttons carry.
    const sentBodies = [...pacer.double.requests.map((r) => r.body), ...pacer.double.answersInResponses.map((a) => a.body)];
    const stateParts = sentBodies.flatMap((body) => JSON.stringify(body ?? '').match(/sc:3:[0-9a-f]{4}:([0-9A-Za-z]{6,})/g) ?? []);
    expect(stateParts.length).toBeGreaterThan(0);
    for (const part of stateParts) expect(log).not.toContain(part.split(':')[3]);
  });

  it('shows the result first even while the count cannot be written, and keeps answering others meanwhile', async () => {
    // Another process holds the lock the count needs for the whole check: on SQLite the file's write lock (reads
    // still work in WAL mode; the count gives up after the busy timeout), on PostgreSQL the count table's.
    const other = await holdCountLock(pacer);
    try {
      const { result } = await driver.answerAll(await driver.start(), answersOf('HV02'));
      expect(levelShown(result)).toBe('SELF_MANAGE');
      // The event loop is not stuck waiting for the lock: the next member is answered in time.
      const meanwhile = pacer.double.runSlash('symptom-check');
      await meanwhile.reply();
      expect(meanwhile.ackLatencyMs!).toBeLessThan(2_000);
      if (pacer.storageMode === 'postgres') expect(await pacer.count(sql`select count(*) from triage_outcome_counts`)).toBe(0);
    } finally {
      await other.release();
    }
    if (pacer.storageMode === 'sqlite') {
      expect(await pacer.count(sql`select count(*) from triage_outcome_counts`)).toBe(0);
      expect(pacer.logs()).toMatch(/could not count a symptom-check outcome/);
    } else {
      // PostgreSQL waits for the lock instead: the count lands once it is free, and only then.
      await expect.poll(() => pacer.count(sql`select cast(coalesce(sum(count), 0) as integer) from triage_outcome_counts`)).toBe(1);
    }
  });
});

/**
 * Everything the database holds, as text: on SQLite the file and its write-ahead log, bytes and all; on
 * PostgreSQL every row of every table of Pacer's (PostgreSQL keeps its files out of reach, so its rows are read).
 */
async function storedText(pacer: Pacer): Promise<string> {
  if (pacer.storage.dialect === 'sqlite') {
    await pacer.storage.runSqlite((_db, sqlite) => sqlite.pragma('wal_checkpoint(TRUNCATE)'));
    return [pacer.databasePath, `${pacer.databasePath}-wal`]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path).toString('latin1'))
      .join('');
  }
  const tables = await pacer.rows<{ name: string }>(sql`select table_name as name from information_schema.tables where table_schema = 'public'`);
  expect(tables.length).toBeGreaterThan(10);
  const rows = await Promise.all(tables.map(({ name }) => pacer.rows(sql`select * from ${sql.identifier(name)}`)));
  return JSON.stringify(rows);
}

/** Another connection holding the lock a triage count needs, until `release()`. */
async function holdCountLock(pacer: Pacer): Promise<{ release(): Promise<void> }> {
  if (pacer.storage.dialect === 'sqlite') {
    const other = new Database(pacer.databasePath);
    other.exec('BEGIN EXCLUSIVE');
    return {
      release: () => {
        other.exec('ROLLBACK');
        other.close();
        return Promise.resolve();
      },
    };
  }
  const other = new pg.Client({ connectionString: pacer.env.DATABASE_URL });
  await other.connect();
  await other.query('begin');
  await other.query('lock table triage_outcome_counts in exclusive mode');
  return {
    release: async () => {
      await other.query('rollback');
      await other.end();
    },
  };
}
