import { describe, expect, it } from 'vitest';
import { EXERCISE_IDS } from '../../src/exercises/content/ids.js';
import { editDistance, searchCards } from '../../src/exercises/search.js';

const ids = (query: string, limit?: number) => searchCards(query, limit).map((result) => result.id);

describe('exercise autocomplete', () => {
  it.each([
    ['clam', 'clamshell'],
    ['spanish', 'spanish-squat'],
    ['CLAMSHELL', 'clamshell'],
    ['  Wall Sit ', 'wall-sit'],
    ['RDL', 'single-leg-romanian-deadlift'],
    ['belt squat', 'spanish-squat'],
    ['SLR', 'straight-leg-raise'],
    ['heel raise', 'calf-raise'],
  ])('"%s" puts %s first', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  it.each([
    ['clamshel', 'clamshell'],
    ['spansh squat', 'spanish-squat'],
    ['calf rase', 'calf-raise'],
    ['wal sit', 'wall-sit'],
    ['sidelying hip abduction', 'side-lying-hip-abduction'],
    ['copenhagn', 'copenhagen-plank'],
    ['revers lunge', 'reverse-lunge'],
    ['sit to stnad', 'sit-to-stand'],
  ])('forgives the typo in "%s" and finds %s in the top 3', (query, id) => {
    expect(ids(query).slice(0, 3)).toContain(id);
  });

  it('lists every bridge for "bridge", the plain glute bridge first', () => {
    const results = ids('bridge');
    expect(results[0]).toBe('glute-bridge');
    expect(results.slice(0, 3).sort()).toEqual(['eccentric-hamstring-bridge', 'glute-bridge', 'single-leg-bridge']);
  });

  it('ranks a name that starts with the query above one that only contains it', () => {
    const results = ids('step');
    expect(results.slice(0, 2).sort()).toEqual(['step-down', 'step-up']);
  });

  it('returns an alphabetical default list for an empty query, capped at the limit', () => {
    const results = searchCards('');
    expect(results).toHaveLength(EXERCISE_IDS.length);
    const names = results.map((result) => result.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(searchCards('   ', 5)).toHaveLength(5);
  });

  it('never returns more than the limit', () => {
    for (const query of ['', 'a', 'squat', 'leg', 's']) {
      expect(searchCards(query).length).toBeLessThanOrEqual(25);
      expect(searchCards(query, 3).length).toBeLessThanOrEqual(3);
    }
    expect(searchCards('squat', 0)).toEqual([]);
  });

  it('returns nothing for nonsense rather than random cards', () => {
    expect(searchCards('xyzzy')).toEqual([]);
  });

  it('returns ids with their display names', () => {
    expect(searchCards('clam')[0]).toEqual({ id: 'clamshell', name: 'Clamshell' });
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('calf', 'claf')).toBe(1);
    expect(editDistance('raise', 'rase')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
