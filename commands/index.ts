import type { CommandModule } from '../src/bot/command.js';
import { challengeCommand } from './challenge.js';
import { clubCommand } from './club.js';
import { exerciseCommand } from './exercise.js';
import { forgetMeCommand } from './forget-me.js';
import { meCommand } from './me.js';
import { symptomCheckCommand } from './symptom-check.js';
import { announceCommand } from './announce.js';

/** Every slash command Pacer serves and deploys, in the order Discord lists them. */
export const commandModules: readonly CommandModule[] = [symptomCheckCommand, exerciseCommand, challengeCommand, clubCommand, meCommand, forgetMeCommand, announceCommand];

/** What `npm run deploy:commands` registers: each module's definition. */
export const commandDefinitions = () => commandModules.map((module) => module.definition);
