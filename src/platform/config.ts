import { existsSync } from 'node:fs';
import { z } from 'zod';
import { REGIONS, type Region } from '../content/regions.js';

/**
 * How the first answer to an interaction that came over HTTP reaches Discord: through the callback endpoint, or in
 * the body of the HTTP response (see src/platform/discord/first-answers.ts).
 */
export const FIRST_ANSWER_WAYS = ['callback', 'response'] as const;
export type FirstAnswerWay = (typeof FIRST_ANSWER_WAYS)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

/** Where a token holds something other than the base64 letters and dots that Discord tokens are made of. */
function tokenProblem(token: string): string | null {
  const index = [...token].findIndex((ch) => !/[A-Za-z0-9._\-+/=]/.test(ch));
  if (index < 0) return null;
  const ch = [...token][index]!;
  const what = /\s/.test(ch) ? 'a space or line break' : /\p{C}|\p{Z}/u.test(ch) ? 'an invisible character' : `the character "${ch}"`;
  return `contains ${what} at position ${index + 1} (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}), which no Discord token has`;
}

/** DISCORD_API_URL: an http(s) URL whose path ends in /api (discord.js adds /v10/...). */
function apiUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL such as http://127.0.0.1:8080/api';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `must start with http:// or https:// (it starts with ${url.protocol}//)`;
  if (!/\/api\/?$/.test(url.pathname)) return 'must end in /api, for example http://127.0.0.1:8080/api (Pacer adds /v10/... itself)';
  if (url.search || url.hash) return 'must not have a ?query or #fragment';
  return null;
}

/** DATABASE_URL: a PostgreSQL URL (postgres:// or postgresql://) naming a host or a socket folder. */
function databaseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    // `user@/db?host=/socket/folder` (a unix socket) is valid for PostgreSQL but not for WHATWG URLs.
    url = new URL(value.replace(/^([a-z]+:\/\/[^/?#]*@)(?=[/?#]|$)/, '$1socket'));
  } catch {
    return 'must be a PostgreSQL URL such as postgres://pacer:secret@db.example:5432/pacer';
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return `must start with postgres:// or postgresql:// (it starts with ${url.protocol}//); for SQLite set DATABASE_PATH instead`;
  if ((!url.hostname || url.hostname === 'socket') && !url.searchParams.get('host')) return 'must name the server, for example postgres://pacer@localhost/pacer';
  return null;
}

const INTERACTION_MODES = ['gateway', 'http'] as const;

const port = z.coerce
  .number({ error: 'must be a port number from 1 to 65535' })
  .int('must be a whole port number from 1 to 65535')
  .min(0, 'must be a port number from 1 to 65535 (0: any free port)')
  .max(65535, 'must be a port number from 1 to 65535');

/** PACER_SHARDS: `auto` (Discord's recommendation from GET /gateway/bot) or how many gateway shards to open. */
const shards = z.union([
  z.literal('auto'),
  z
    .string()
    .regex(/^\d+$/, 'must be auto or a whole number of shards, such as 3')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, 'must be auto or a whole number of shards from 1 to 1000'),
], { error: 'must be auto or a whole number of shards, such as 3' });

const listenAddress = z.string().regex(/^[A-Za-z0-9.:-]+$/, 'must be an address to listen on, such as 127.0.0.1 or 0.0.0.0');

const EnvSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is not set' })
    .min(1, 'is empty')
    .superRefine((v, ctx) => {
      const problem = tokenProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DATABASE_PATH: z.string().trim().min(1, 'is empty').default('./data/pacer.sqlite'),
  DATABASE_URL: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = databaseUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  DISCORD_API_URL: z
    .string()
    .superRefine((v, ctx) => {
      const problem = apiUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  PACER_REGION: z.enum(REGIONS, { error: `must be one of ${REGIONS.join(', ')}` }).default('UK'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty'], { error: 'must be one of auto, json, pretty' }).default('auto'),
  HEALTH_PORT: port.optional(),
  HEALTH_HOST: listenAddress.default('127.0.0.1'),
  PACER_INTERACTIONS: z.enum(INTERACTION_MODES, { error: `must be one of ${INTERACTION_MODES.join(', ')}` }).default('gateway'),
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hexadecimal characters Discord shows as "Public Key"')
    .optional(),
  PACER_SHARDS: z.string().trim().pipe(shards).default('auto'),
  PACER_GATEWAY: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  PACER_HTTP_PORT: port.default(3000),
  PACER_HTTP_HOST: listenAddress.default('127.0.0.1'),
  PACER_HTTP_ANSWER: z.enum(FIRST_ANSWER_WAYS, { error: `must be one of ${FIRST_ANSWER_WAYS.join(', ')}` }).default('callback'),
}).superRefine((env, ctx) => {
  if (env.PACER_INTERACTIONS === 'http' && env.DISCORD_PUBLIC_KEY === undefined) {
    ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'is not set, and PACER_INTERACTIONS=http needs it to check that requests come from Discord' });
  }
  if (env.PACER_GATEWAY === 'off' && env.PACER_INTERACTIONS !== 'http') {
    ctx.addIssue({ code: 'custom', path: ['PACER_GATEWAY'], message: 'is off, and commands then reach Pacer only with PACER_INTERACTIONS=http' });
  }
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  token: string;
  applicationId: string | undefined;
  guildId: string | undefined;
  databasePath: string;
  /** Set: PostgreSQL at this URL instead of the SQLite file (only the scheduler's store is ready for it; see startApp). */
  databaseUrl?: string;
  apiUrl: string | undefined;
  logLevel: LogLevel;
  /** `auto`: readable lines on a terminal, JSON lines otherwise. */
  logFormat: 'auto' | 'json' | 'pretty';
  defaultRegion: Region;
  /** The opt-in HTTP health endpoint; off when undefined. */
  health: { port: number; host: string } | undefined;
  /**
   * Where commands, buttons and modals arrive: over the gateway (default), or POSTed by Discord to Pacer's
   * Interactions Endpoint URL, signed with the application's key (`publicKey`: 32 bytes, hex).
   */
  interactions: { mode: 'gateway' } | { mode: 'http'; publicKey: string; port: number; host: string; firstAnswer: FirstAnswerWay };
  /** Gateway shards opened in this one process: `auto` asks Discord how many (about 1,000 servers each). */
  shards: 'auto' | number;
  /**
   * Whether this process holds a gateway connection. Off (HTTP interactions only): nothing is kept per server,
   * and what an answer needs to know about a server is asked of Discord's REST API when it is needed.
   */
  gateway: boolean;
}

const HINTS: Record<string, string> = {
  DISCORD_TOKEN:
    'Copy the token from https://discord.com/developers/applications (Bot > Reset Token) and put DISCORD_TOKEN=... in .env, with nothing else on the line.',
  DISCORD_APPLICATION_ID: 'It is the "Application ID" on the General Information page of your Discord application; or leave it out and Pacer asks Discord.',
  DISCORD_API_URL: 'Leave it blank to talk to Discord itself.',
  HEALTH_PORT: 'Leave it blank to turn the health endpoint off.',
  DATABASE_URL: 'Leave it blank to use the SQLite file at DATABASE_PATH.',
  DISCORD_PUBLIC_KEY: 'Copy "Public Key" from the General Information page of your Discord application into .env, or set PACER_INTERACTIONS=gateway.',
  PACER_INTERACTIONS: 'gateway (the default) needs no public address; http needs an Interactions Endpoint URL that reaches PACER_HTTP_PORT.',
  PACER_SHARDS: 'Leave it blank (auto) to let Discord say how many shards the bot needs; a number fixes the count.',
  PACER_GATEWAY: 'Leave it blank (on); off suits processes that only answer commands over HTTP.',
  PACER_HTTP_ANSWER: 'Leave it blank (callback); response puts first answers in the HTTP response, one request fewer per command.',
  DISCORD_GUILD_ID: 'Right-click your server in Discord (Developer Mode on) and "Copy Server ID"; or leave it out to deploy commands globally.',
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` (when present) into the environment without overriding variables already set. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === '' && k !== 'DISCORD_TOKEN' ? undefined : v]),
  );
  const result = EnvSchema.safeParse(blankToUndefined);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const hint = HINTS[name] ? ` ${HINTS[name]}` : '';
    throw new ConfigError(`Configuration error: ${name} ${issue.message}.${hint}`);
  }
  const e = result.data;
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    guildId: e.DISCORD_GUILD_ID,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    apiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    defaultRegion: e.PACER_REGION,
    health: e.HEALTH_PORT === undefined ? undefined : { port: e.HEALTH_PORT, host: e.HEALTH_HOST },
    interactions:
      e.PACER_INTERACTIONS === 'http' && e.DISCORD_PUBLIC_KEY !== undefined
        ? { mode: 'http', publicKey: e.DISCORD_PUBLIC_KEY.toLowerCase(), port: e.PACER_HTTP_PORT, host: e.PACER_HTTP_HOST, firstAnswer: e.PACER_HTTP_ANSWER }
        : { mode: 'gateway' },
    shards: e.PACER_SHARDS,
    gateway: e.PACER_GATEWAY === 'on',
  };
}
