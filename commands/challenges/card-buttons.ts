import type { InteractionContext } from '../../src/platform/discord/command.js';
import { programmeWeek } from '../../src/challenges/programme.js';
import { currentChallengeWeek } from '../../src/challenges/store.js';
import type { ExerciseId } from '../../src/exercises/content/ids.js';
import { logSessionButton } from './views.js';

/** A card in this week's challenge circuit gets the challenge's Log today button. */
export async function challengeCardButtons(guildId: string | null, cardId: ExerciseId, ctx: InteractionContext) {
  if (!guildId) return [];
  const challenge = await currentChallengeWeek(ctx.storage, guildId, ctx.clock.now());
  if (!challenge || !programmeWeek(challenge.weekNumber).circuit.some((item) => item.cardId === cardId)) return [];
  return [logSessionButton(challenge.weekStart)];
}
