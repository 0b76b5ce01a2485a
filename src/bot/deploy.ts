import { REST, Routes, type APIApplication, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
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

/** Replaces the application's slash commands (in one server when `guildId` is set) with `definitions`. */
export async function deployCommands(target: DeployTarget, definitions: readonly CommandDefinition[]): Promise<DeployResult> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const applicationId = target.applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
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
