/**
 * Command-line entry: `npm run --silent triage -- FILE` (FILE `-` reads stdin).
 * Prints one line of JSON with the outcome. Exit 0 on success, 2 for bad input, 1 for anything unexpected.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseAnswers } from './answers.js';
import { evaluate } from './engine.js';

export interface CliIo {
  readStdin: () => Promise<string>;
  readFile: (path: string) => Promise<string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class InputError extends Error {}

async function readInput(argv: readonly string[], io: CliIo): Promise<string> {
  const files = argv.filter((arg) => arg !== '--');
  if (files.length !== 1) throw new InputError('usage: triage FILE (one answers JSON file, or - for stdin)');
  const [file] = files as [string];
  if (file === '-') return io.readStdin();
  try {
    return await io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `cannot read ${file}: no such file` : `cannot read ${file}: ${(error as Error).message}`);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const text = await readInput(argv, io);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new InputError(`malformed JSON: ${(error as Error).message}`);
    }
    const parsed = parseAnswers(json);
    if (!parsed.ok) throw new InputError(`invalid answers:\n  ${parsed.errors.join('\n  ')}`);
    const { level, patterns, cards, rules } = evaluate(parsed.answers);
    io.stdout(`${JSON.stringify({ level, patterns, cards, rules })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`triage: ${error.message}\n`);
      return 2;
    }
    io.stderr(`triage: unexpected error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export const processIo: CliIo = {
  readStdin,
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function invokedAsMain(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (invokedAsMain()) {
  process.exitCode = await runCli(process.argv.slice(2), processIo);
}
