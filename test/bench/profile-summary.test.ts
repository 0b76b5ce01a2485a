/** The floor bench's profile reader: where self time goes, and the GC pauses of --trace-gc. */
import { describe, expect, it } from 'vitest';
import { gcPauses, profileBreakdown } from '../../bench/profile-summary.js';

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

describe('the profile breakdown', () => {
  // root -> route (Pacer) -> saveMemberName (Pacer) -> get (native, no url)
  //      -> LOG (pino) -> writeUtf8String (native) ; -> (garbage collector) ; -> (idle) ; -> listOnTimeout (node:)
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)'), children: [2, 5, 7, 8, 9] },
      { id: 2, callFrame: frame('route', 'file:///app/dist/src/platform/discord/router.js'), children: [3] },
      { id: 3, callFrame: frame('statementGet', 'file:///app/node_modules/better-sqlite3/lib/methods/wrappers.js'), children: [4] },
      { id: 4, callFrame: frame('get') },
      { id: 5, callFrame: frame('LOG', 'file:///app/node_modules/pino/lib/tools.js'), children: [6] },
      { id: 6, callFrame: frame('writeUtf8String') },
      { id: 7, callFrame: frame('(garbage collector)') },
      { id: 8, callFrame: frame('(idle)') },
      { id: 9, callFrame: frame('listOnTimeout', 'node:internal/timers') },
    ],
    samples: [2, 4, 4, 6, 7, 8, 9],
    timeDeltas: [1000, 2000, 2000, 3000, 4000, 10_000, 500],
  };

  it('counts a native frame for its nearest caller with a category', () => {
    const { categories } = profileBreakdown(profile);
    expect(Object.fromEntries(categories)).toEqual({
      'Pacer (src, commands)': 1,
      'better-sqlite3/drizzle': 4,
      'pino/logging': 3,
      GC: 4,
      idle: 10,
      'Node internals (sockets, timers)': 0.5,
    });
  });

  it('names the heaviest functions without the idle time', () => {
    const { functions } = profileBreakdown(profile);
    expect(functions.get('get :1')).toBe(4);
    expect([...functions.keys()].some((name) => name.startsWith('(idle)'))).toBe(false);
  });
});

describe('GC pauses from --trace-gc', () => {
  it('reads the pause of each collection, scavenges and mark-compacts alike', () => {
    const log = [
      '{"level":30,"msg":"interaction"}',
      '[4242:0x6a1e000]     1234 ms: Scavenge 10.1 (12.3) -> 9.8 (13.3) MB, 1.23 / 0.00 ms  (average mu = 1.000, current mu = 1.000) allocation failure;',
      '[4242:0x6a1e000]     5678 ms: Mark-Compact 60.2 (80.1) -> 40.0 (70.0) MB, 17.30 / 0.10 ms  (+ 2.1 ms in 10 steps since start of marking) finalize incremental marking',
    ].join('\n');
    expect(gcPauses(log)).toEqual([
      { kind: 'Scavenge', ms: 1.23 },
      { kind: 'Mark-Compact', ms: 17.3 },
    ]);
  });
});
