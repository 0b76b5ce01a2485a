import type { CommandModule } from '../src/bot/command.js';
import { exerciseCommand } from './exercise.js';
import { symptomCheckCommand } from './symptom-check.js';
import { announceCommand } from './announce.js';

/** Every slash command Pacer serves and deploys, in the order Discord lists them. */
export const commandModules: readonly CommandModule[] = [symptomCheckCommand, exerciseCommand, announceCommand];

/** What `npm run deploy:commands` registers: each module's definition. */
export const commandDefinitions = () => commandModules.map((module) => module.definition);
