import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { checkMessageLimits } from '@pacer/discord-double';
import { programme } from '../../src/challenges/programme.js';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import { allCards } from '../../src/exercises/catalogue.js';
import { decodeChallengeId, encodeChallengeId } from '../../commands/challenges/custom-id.js';
import {
  painRuleView,
  recapView,
  weeklyPostEdit,
  weeklyPostView,
  type WeeklyPostModel,
} from '../../commands/challenges/views.js';
import { decodeExerciseId } from '../../commands/exercises/custom-id.js';
import { cardView, listView, routineView } from '../../commands/exercises/views.js';
import type { MessageView } from '../../src/platform/discord/components.js';
import { ROUTINE_CONDITIONS } from '../../src/content/conditions.js';
import { pageCards } from '../../src/exercises/paging.js';
import { buildRoutine } from '../../src/exercises/routines.js';
import { phoneHeight } from '../support/phone-layout.js';

const CHANNEL = '1300000000000000002';

function model(weekNumber: number, extra: Partial<WeeklyPostModel> = {}): WeeklyPostModel {
  const week = programme().weeks[weekNumber - 1]!;
  return { weekNumber, week, weekStart: '2026-03-04', weekEnd: '2026-03-10', timezone: 'Europe/London', late: false, ...extra };
}

type Component = { type: number; custom_id?: string; label?: string; placeholder?: string; options?: { value: string; label: string; description?: string }[] };
const componentsOf = (view: MessageView) => view.components.flatMap((row) => row.components as Component[]);

/** Every piece of text a member reads: message text, embeds, button labels, menu placeholders and options. */
function memberText(view: MessageView): string[] {
  const embedText = (e: APIEmbed) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])];
  const componentText = (c: Component) => [c.label, c.placeholder, ...(c.options ?? []).flatMap((o) => [o.label, o.description])];
  return [view.content, ...view.embeds.flatMap(embedText), ...componentsOf(view).flatMap(componentText)].filter((t): t is string => typeof t === 'string');
}

const weeks = programme().weeks.map((w) => w.week);

describe('the ch custom_id codec', () => {
  it('reads back what it writes, preview buttons included', () => {
    for (const action of ['join', 'log', 'pain'] as const) {
      for (const preview of [false, true]) {
        const value = { action, weekStart: '2026-03-04', ...(preview ? { preview: true } : {}) };
        expect(decodeChallengeId(encodeChallengeId(value))).toEqual(value);
      }
    }
    expect(encodeChallengeId({ action: 'join', weekStart: '2026-03-04' })).toBe('ch:1:join:2026-03-04');
  });

  it('refuses forged, stale and foreign ids', () => {
    for (const bad of ['ch:1:delete:2026-03-04', 'ch:2:join:2026-03-04', 'ch:1:join', 'ch:1:join:tomorrow', 'ex:1:join:2026-03-04', 'ch:1:join:2026-03-04:x', 'ch:1:join:2026-03-04:preview:preview', '']) {
      expect(decodeChallengeId(bad), bad).toBeNull();
    }
  });
});

describe('the weekly post', () => {
  it('fits Discord limits for every programme week: late, preview and a 5,000-member count', () => {
    for (const n of weeks) {
      for (const view of [
        weeklyPostView(model(n)),
        weeklyPostView(model(n, { late: true, progress: { joined: 5000, reachedTarget: 4999 } })),
        weeklyPostView(model(n), { channelId: CHANNEL, postsAt: new Date('2026-03-04T18:00:00Z') }),
      ]) {
        expect(checkMessageLimits(view), `week ${n}`).toEqual([]);
        const ids = componentsOf(view).map((c) => c.custom_id);
        expect(new Set(ids).size, `week ${n}`).toBe(ids.length);
      }
    }
  });

  it('is short on a 390 px phone: at most 480 px, 560 px when it says it is late (it was about 1,100 px)', () => {
    for (const n of weeks) {
      expect(phoneHeight(weeklyPostView(model(n))), `week ${n}`).toBeLessThanOrEqual(480);
      expect(phoneHeight(weeklyPostView(model(n, { late: true }))), `week ${n} late`).toBeLessThanOrEqual(560);
    }
  });

  it('shows the dates, the target, the circuit and the live count, and no pain rule text or commands to copy', () => {
    const view = weeklyPostView(model(1, { progress: { joined: 3, reachedTarget: 1 } }));
    const text = memberText(view).join('\n');
    expect(text).toMatch(/Wed 4 Mar to Tue 10 Mar/);
    expect(text).toMatch(/target \*\*2 sessions\*\*/);
    expect(text).toMatch(/1\. Clamshell: 2 × 12 each side/);
    expect(text).toContain('3 joined · 1 reached the target');
    expect(text).not.toMatch(/`\//);
    expect(text).not.toMatch(/Amber|Green, 0 to 3/);
    expect(memberText(weeklyPostView(model(1))).join('\n')).toContain('0 joined · 0 reached the target');
  });

  it('opens every exercise of every circuit privately in two taps (open the menu, pick), with the pain rule one tap away', () => {
    for (const n of weeks) {
      const view = weeklyPostView(model(n));
      const menus = componentsOf(view).filter((c) => c.type === 3);
      expect(menus).toHaveLength(1);
      expect(decodeExerciseId(menus[0]!.custom_id!)).toEqual({ kind: 'pick' });
      expect(menus[0]!.options!.map((o) => o.value)).toEqual(programme().weeks[n - 1]!.circuit.map((item) => item.cardId));
      const buttons = componentsOf(view).filter((c) => c.type === 2);
      expect(buttons.map((b) => b.label)).toEqual(['Join', 'Log today', 'Pain rule']);
      expect(buttons.map((b) => decodeChallengeId(b.custom_id!)?.action)).toEqual(['join', 'log', 'pain']);
    }
    const pain = memberText(painRuleView()).join('\n');
    expect(pain).toMatch(/Green, 0 to 3/);
    expect(pain).toMatch(/\/symptom-check/);
  });

  it('a preview says so, in its text and on its buttons, and its ids are marked', () => {
    const view = weeklyPostView(model(1), { channelId: CHANNEL, postsAt: new Date('2026-03-04T18:00:00Z') });
    expect(view.content).toMatch(new RegExp(`^\\*\\*Preview\\*\\*.*<#${CHANNEL}> on <t:${Date.parse('2026-03-04T18:00:00Z') / 1000}:F>`));
    const buttons = componentsOf(view).filter((c) => c.type === 2);
    expect(buttons.map((b) => b.label)).toEqual(['Join (preview)', 'Log today (preview)', 'Pain rule']);
    expect(buttons.every((b) => decodeChallengeId(b.custom_id!)?.preview === true)).toBe(true);
    expect(view.embeds).toEqual(weeklyPostView(model(1)).embeds);
  });

  it('a live edit carries the embed and components only, so a "posted late" line stays', () => {
    const edit = weeklyPostEdit(model(1, { late: true, progress: { joined: 2, reachedTarget: 0 } }));
    expect(edit).not.toHaveProperty('content');
    expect(edit.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(edit.embeds)).toContain('2 joined · 0 reached the target');
    expect(weeklyPostView(model(1, { late: true })).content).toMatch(/Posted late/);
  });
});

describe('member-facing text of cards, lists, routines and the weekly post has no internal markers', () => {
  const MARKERS = [
    /\bS\d+[a-z]?\b/, // source tags (S40, S40b)
    /\bseed\b/i,
    /README/,
    /\bundefined\b|\bnull\b|\bNaN\b|\[object /,
    /\bTODO\b|\bFIXME\b|\bTBD\b/,
    /`\/exercise show name:/,
    new RegExp(`\\b(${EXERCISE_IDS.filter((id) => id.split('-').length > 2).join('|')})\\b`), // raw card ids (two-part ones like step-down are words)
  ];
  const views: [string, MessageView][] = [
    ...allCards().flatMap((card): [string, MessageView][] => [
      [`card ${card.id}`, cardView(card)],
      [`private card ${card.id}`, cardView(card, [], { shareable: true })],
    ]),
    ...weeks.flatMap((n): [string, MessageView][] => [
      [`week ${n}`, weeklyPostView(model(n))],
      [`week ${n} late`, weeklyPostView(model(n, { late: true }))],
      [`week ${n} preview`, weeklyPostView(model(n), { channelId: CHANNEL, postsAt: null })],
    ]),
    ['pain rule', painRuleView()],
    ...ROUTINE_CONDITIONS.map((condition): [string, MessageView] => [`routine ${condition}`, routineView(buildRoutine(condition))]),
    ...[1, 2, 3].map((page): [string, MessageView] => [`list page ${page}`, listView(pageCards(allCards(), page, 8), { condition: null, area: null })]),
  ];

  it.each(views)('%s', (_name, view) => {
    for (const text of memberText(view)) {
      for (const marker of MARKERS) expect(text, `${marker}`).not.toMatch(marker);
    }
  });

  it('would catch the old footer', () => {
    expect('Sources: S40, seed (see the README).').toMatch(MARKERS[0]!);
  });
});

describe('the recap fits Discord limits', () => {
  it('with five streaks', () => {
    const streaks = Array.from({ length: 5 }, (_, i) => ({ userId: `12345678901234567${i}`, current: 52 - i, best: 60 }));
    const recap = recapView({ weekNumber: 12, weekStart: '2026-03-04', weekEnd: '2026-03-10', targetSessions: 3, joined: 1200, reachedTarget: 900, streaks });
    expect(checkMessageLimits(recap)).toEqual([]);
  });
});
