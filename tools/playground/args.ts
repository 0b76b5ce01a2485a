/** `npm run playground -- [--port N] [--db FILE] [--host 127.0.0.1]`: parsed, with loopback enforced. */

export interface PlaygroundArgs {
  port: number;
  host: string;
  /** The SQLite file to keep; undefined means a throw-away file in a temporary folder. */
  db: string | undefined;
  help: boolean;
}

export const DEFAULT_PORT = 3030;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export class ArgsError extends Error {}

export const USAGE = `Usage: npm run playground -- [--port N] [--db FILE]

  --port N    the web page's port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --db FILE   keep the club's data in FILE (default: a throw-away file, deleted on exit)
  --host H    only 127.0.0.1, localhost or ::1: the playground never listens on other interfaces`;

export function parseArgs(argv: readonly string[]): PlaygroundArgs {
  const args: PlaygroundArgs = { port: DEFAULT_PORT, host: '127.0.0.1', db: undefined, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined || next === '') throw new ArgsError(`${flag} needs a value.\n\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65_535) throw new ArgsError(`--port must be a number from 0 to 65535, not "${text}".`);
        args.port = port;
        break;
      }
      case '--db':
        args.db = value();
        break;
      case '--host': {
        const host = value();
        if (!LOOPBACK.has(host)) throw new ArgsError(`--host ${host} refused: the playground runs a bot without any login, so it only listens on 127.0.0.1.`);
        args.host = host === 'localhost' ? '127.0.0.1' : host;
        break;
      }
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new ArgsError(`Unknown argument "${arg}".\n\n${USAGE}`);
    }
  }
  return args;
}
