import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, parseConfig } from '../config.js';
import type { CommandDefinition } from './command.js';

export interface DeployTarget {
  token: string;
  apiUrl: string | undefined;
  applicationId: string | undefined;
  guildId: string | undefined;
}

export interface DeployResult {
  applicationId: string;
  scope: { guildId: string } | 'global';
  registered: { id: string; name: string }[];
}

/**
 * Without DISCORD_APPLICATION_ID, ask Discord; failing that, a bot token's first part is its user id in
 * base64, which is the application id for every application created since 2017.
 */
async function askApplicationId(rest: REST, token: string): Promise<string> {
  try {
    return ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  } catch (error) {
    const fromToken = Buffer.from(token.split('.')[0] ?? '', 'base64').toString('utf8');
    if (/^\d{17,20}$/.test(fromToken)) return fromToken;
    throw new Error(`could not find the application id (${error instanceof Error ? error.message : String(error)}). Set DISCORD_APPLICATION_ID in .env.`);
  }
}

/** Replaces the application's slash commands (in one server when `guildId` is set) with `definitions`. */
export async function deployCommands(target: DeployTarget, definitions: readonly CommandDefinition[]): Promise<DeployResult> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const applicationId = target.applicationId ?? (await askApplicationId(rest, target.token));
  const route = target.guildId
    ? Routes.applicationGuildCommands(applicationId, target.guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body: definitions })) as RESTPutAPIApplicationCommandsResult;
  return {
    applicationId,
    scope: target.guildId ? { guildId: target.guildId } : 'global',
    registered: result.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** `npm run deploy:commands`: registers the given slash commands and says what it registered. */
export async function runDeploy(
  env: NodeJS.ProcessEnv,
  definitions: readonly CommandDefinition[],
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  let config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
  try {
    const result = await deployCommands(config, definitions);
    const where = result.scope === 'global' ? 'globally (may take up to an hour to appear)' : `to server ${result.scope.guildId}`;
    out(`Registered ${result.registered.length} commands ${where} for application ${result.applicationId}:`);
    for (const command of result.registered) out(`  /${command.name}`);
    return 0;
  } catch (error) {
    err(`Could not register commands: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
