import { loadDotEnv } from '../config.js';
import { runDeploy } from './deploy.js';

loadDotEnv();
process.exitCode = await runDeploy(process.env, console.log, console.error);
