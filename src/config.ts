import { existsSync } from 'node:fs';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

const EnvSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: 'is not set' })
    .trim()
    .min(1, 'is empty')
    .refine((v) => !/\s/.test(v), 'must not contain spaces'),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DATABASE_PATH: z.string().trim().min(1, 'is empty').default('./data/pacer.sqlite'),
  DISCORD_API_URL: z.url({ error: 'must be a URL such as http://127.0.0.1:8080/api' }).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  PACER_REGION: z.enum(['UK', 'EU', 'US'], { error: 'must be one of UK, EU, US' }).default('UK'),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  token: string;
  applicationId: string | undefined;
  guildId: string | undefined;
  databasePath: string;
  apiUrl: string | undefined;
  logLevel: LogLevel;
  defaultRegion: 'UK' | 'EU' | 'US';
}

const HINTS: Record<string, string> = {
  DISCORD_TOKEN:
    'Create a bot at https://discord.com/developers/applications (Bot > Reset Token) and put DISCORD_TOKEN=... in .env.',
  DISCORD_APPLICATION_ID: 'It is the "Application ID" on the General Information page of your Discord application; or leave it out and Pacer asks Discord.',
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
    apiUrl: e.DISCORD_API_URL?.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    defaultRegion: e.PACER_REGION,
  };
}
