/**
 * Telling those who said Going that their run changed or was cancelled: one post in the run's channel, under its
 * card, that pings only them (DMs would be one request per member, and many members close their DMs).
 */
import type { InteractionContext } from '../../src/platform/discord/command.js';
import type { OutgoingMessage } from '../../src/platform/scheduler/contract.js';
import { recordPostedMentions } from '../../src/participation/posted-mentions-store.js';
import type { GroupRun } from '../../src/runs/run.js';
import { tally } from '../../src/runs/run.js';
import { runRsvpList } from '../../src/runs/store.js';

export async function goingMembers(ctx: InteractionContext, run: GroupRun): Promise<string[]> {
  const counts = tally(run, await runRsvpList(ctx.storage, run.id));
  return [...counts.groups.flatMap((group) => group.userIds), ...counts.goingUngrouped];
}

/** Posts the notice; says in words what happened, for the moderator's reply. */
export async function tellGoing(ctx: InteractionContext, run: GroupRun, going: readonly string[], message: OutgoingMessage): Promise<string> {
  if (going.length === 0) return 'Nobody had said Going, so no one was pinged.';
  if (!ctx.poster) return 'Pacer is not connected to Discord just now, so those going were not told.';
  try {
    const { messageId } = await ctx.poster.post(run.channelId, message);
    const pinged = message.allowed_mentions.users ?? [];
    // The notice names members: noted, so that erasing one of them edits it.
    await recordPostedMentions(ctx.storage, { guildId: run.guildId, channelId: run.channelId, messageId, members: pinged.map((userId) => ({ userId, shown: `<@${userId}>` })) }, ctx.clock.now());
    return `The ${going.length} member${going.length === 1 ? '' : 's'} going ${going.length === 1 ? 'was' : 'were'} told in <#${run.channelId}>.`;
  } catch {
    return `The post telling those going could not be made in <#${run.channelId}>; tell them there yourself.`;
  }
}

/** Edits the run's card to show it as it is now (awaited: the moderator's reply says whether it worked). */
export async function editCard(ctx: InteractionContext, run: GroupRun, message: OutgoingMessage): Promise<boolean> {
  if (!ctx.poster || !run.messageId) return false;
  try {
    await ctx.poster.edit(run.channelId, run.messageId, message);
    return true;
  } catch {
    return false;
  }
}
