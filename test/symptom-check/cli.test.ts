import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli, type CliIo } from '../../src/symptom-check/cli.js';
import { vignettes } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function fakeIo(files: Record<string, string>, stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readStdin: () => Promise.resolve(stdin),
    readFile: (path: string) => {
      const text = files[path];
      if (text === undefined) return Promise.reject(Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' }));
      return Promise.resolve(text);
    },
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

const printedLine = z.record(z.string(), z.unknown());
const outcomeFields = z.object({ level: z.string(), patterns: z.array(z.string()), cards: z.array(z.string()), rules: z.array(z.string()) });

/** The JSON line the CLI prints, checked rather than trusted; `keys` keeps the printed order. */
function parseOutcome(line: string) {
  const printed = printedLine.parse(JSON.parse(line));
  return { keys: Object.keys(printed), ...outcomeFields.parse(printed) };
}

const hv16 = JSON.stringify(vignettes.find((v) => v.id === 'HV16')!.answers);

describe('runCli', () => {
  it('prints exactly one JSON line for a file and exits 0', async () => {
    const io = fakeIo({ 'case.json': hv16 });
    expect(await runCli(['case.json'], io)).toBe(0);
    expect(io.err).toBe('');
    const lines = io.out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const printed = parseOutcome(lines[0]!);
    expect(printed.keys).toEqual(['level', 'patterns', 'cards', 'rules']);
    expect(printed.level).toBe('EMERGENCY');
  });

  it('reads stdin for "-"', async () => {
    const io = fakeIo({}, hv16);
    expect(await runCli(['--', '-'], io)).toBe(0);
    expect(parseOutcome(io.out).level).toBe('EMERGENCY');
  });

  it.each([
    ['malformed JSON', '{"Q00_age": ', /malformed JSON/],
    ['an unknown question', '{"Q42_x": "yes"}', /unknown question id "Q42_x"/],
    ['an unknown option', '{"Q02_onset": "slowly"}', /Q02_onset: "slowly" is not an option/],
    ['a wrong type', '{"Q21_both_knees": true}', /Q21_both_knees/],
  ])('exits 2 with a message and no output for %s', async (_name, text, message) => {
    const io = fakeIo({ 'bad.json': text });
    expect(await runCli(['bad.json'], io)).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toMatch(message);
  });

  it('exits 2 for a missing file and for missing arguments', async () => {
    const missing = fakeIo({});
    expect(await runCli(['nope.json'], missing)).toBe(2);
    expect(missing.err).toMatch(/cannot read nope\.json: no such file/);
    const none = fakeIo({});
    expect(await runCli([], none)).toBe(2);
    expect(none.err).toMatch(/usage/);
  });
});

describe('triage command line (spawned)', () => {
  const run = (args: string[], input?: string) =>
    spawnSync(TSX, ['src/symptom-check/cli.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 15_000 });

  it('evaluates the fixture file of a vignette, and the same answers on stdin', () => {
    const v = vignettes.find((c) => c.id === 'HV01')!;
    const fromStdin = run(['-'], JSON.stringify(v.answers));
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.stdout.endsWith('\n')).toBe(true);
    const outcome = parseOutcome(fromStdin.stdout);
    expect(v.expected.acceptable_levels).toContain(outcome.level);
    expect(outcome.patterns).toContain('PFP');
  });

  it('reads a file path', () => {
    const v = vignettes.find((c) => c.id === 'HV20')!;
    const dir = mkdtempSync(join(tmpdir(), 'pacer-triage-'));
    try {
      const file = join(dir, 'hv20.json');
      writeFileSync(file, JSON.stringify(v.answers));
      const result = run([file]);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ level: 'EMERGENCY', patterns: [], cards: [], rules: ['RF07_possible_PE'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects the whole vignette array (not one answers object) with exit 2', () => {
    const result = run([fileURLToPath(new URL('./fixtures/triage-vignettes.json', import.meta.url))]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/expected one JSON object/);
  });

  it('fails cleanly on malformed input', () => {
    const result = run(['-'], 'not json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/malformed JSON/);
  });
});

describe('npm run --silent triage on the development cases', () => {
  it('gives each of the 20 cases an acceptable level, never below the expected one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacer-triage-cases-'));
    const runOne = (file: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        execFile('npm', ['run', '--silent', 'triage', '--', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
          resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
        );
      });
    try {
      const queue = [...vignettes];
      const results = new Map<string, Awaited<ReturnType<typeof runOne>>>();
      // A few at a time: each run starts npm and tsx.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let v = queue.shift(); v; v = queue.shift()) {
            const file = join(dir, `${v.id}.json`);
            writeFileSync(file, JSON.stringify(v.answers));
            results.set(v.id, await runOne(file));
          }
        }),
      );
      for (const v of vignettes) {
        const run = results.get(v.id)!;
        expect(run.status, `${v.id}: ${run.stderr}`).toBe(0);
        const outcome = JSON.parse(run.stdout) as { level: string; patterns: string[]; cards: string[] };
        expect(v.expected.acceptable_levels, v.id).toContain(outcome.level);
        if ((outcome.level === 'SELF_MANAGE' || outcome.level === 'ROUTINE') && v.expected.patterns_any_of.length > 0) {
          expect(outcome.patterns.some((p) => v.expected.patterns_any_of.includes(p)), v.id).toBe(true);
        }
        if (v.expected.must_not_show_cards) expect(outcome.cards, v.id).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("docs/triage-answers.md's example prints what the engine really gives", async () => {
    const doc = readFileSync(fileURLToPath(new URL('../../docs/triage-answers.md', import.meta.url)), 'utf8');
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const example = blocks.find((b) => b.includes('"Q01_emergency_screen"'))!;
    const printed = blocks.find((b) => b.startsWith('{"level"'))!;
    const io = fakeIo({ 'example.json': example });
    expect(await runCli(['example.json'], io)).toBe(0);
    expect(io.out).toBe(printed);
  });
});
