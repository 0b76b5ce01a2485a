import { commandDefinitions } from '../../commands/index.js';
import { loadDotEnv } from '../config.js';
import { runDeploy } from './deploy.js';

loadDotEnv();
process.exitCode = await runDeploy(process.env, commandDefinitions(), console.log, console.error);
