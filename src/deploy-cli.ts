import { commandDefinitions } from '../commands/index.js';
import { loadDotEnv } from './platform/config.js';
import { runDeploy } from './platform/discord/deploy.js';

loadDotEnv();
process.exitCode = await runDeploy(process.env, commandDefinitions(), console.log, console.error);
