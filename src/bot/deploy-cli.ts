import { commandModules } from '../../commands/index.js';
import { ConfigError, loadDotEnv, parseConfig } from '../config.js';
import { deployCommands } from './deploy.js';

/** `npm run deploy:commands`: registers every slash command and says what it registered. */
export async function runDeploy(env: NodeJS.ProcessEnv, out: (line: string) => void, err: (line: string) => void): Promise<number> {
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
    const result = await deployCommands(config, commandModules.map((m) => m.definition));
    const where = result.scope === 'global' ? 'globally (may take up to an hour to appear)' : `to server ${result.scope.guildId}`;
    out(`Registered ${result.registered.length} commands ${where} for application ${result.applicationId}:`);
    for (const command of result.registered) out(`  /${command.name}`);
    return 0;
  } catch (error) {
    err(`Could not register commands: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

loadDotEnv();
process.exitCode = await runDeploy(process.env, console.log, console.error);
