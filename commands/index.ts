import type { AnyComponentHandler, CommandModule } from '../src/platform/discord/command.js';
import { challengeButtons, challengeCommand } from './challenges/challenge.js';
import { clubCommand } from './challenges/club.js';
import { challengeCardButtons } from './challenges/card-buttons.js';
import { createExerciseButtons, createExerciseCommand } from './exercises/command.js';
import { leaderboardButtons, statsShareButton } from './participation/buttons.js';
import { forgetButtons, forgetMeCommand } from './participation/forget-me.js';
import { meCommand } from './participation/me.js';
import { symptomCheckCommand } from './symptom-check/command.js';
import { announceCommand } from './announcements/command.js';
import { runCommand } from './runs/command.js';
import { runRsvpButtons } from './runs/rsvp-buttons.js';
import { runManageComponents } from './runs/manage-buttons.js';

const exerciseCommand = createExerciseCommand(challengeCardButtons);
const exerciseButtons = createExerciseButtons(challengeCardButtons);

/** Every slash command Pacer serves and deploys, in the order Discord lists them. */
export const commandModules: readonly CommandModule[] = [symptomCheckCommand, exerciseCommand, challengeCommand, clubCommand, meCommand, forgetMeCommand, announceCommand, runCommand];

/** The `custom_id` families answered on their own (not through a slash command), each with its codec. */
export const componentHandlers: readonly AnyComponentHandler[] = [challengeButtons, exerciseButtons, leaderboardButtons, statsShareButton, forgetButtons, runRsvpButtons, runManageComponents];

/** What `npm run deploy:commands` registers: each module's definition. */
export const commandDefinitions = () => commandModules.map((module) => module.definition);
