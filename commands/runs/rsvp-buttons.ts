/** The answer buttons on a group run's card: the answer is recorded, the clicker told privately, the card edited (coalesced). */
import type { MessageComponentInteraction } from 'discord.js';
import { defineComponents, type InteractionContext } from '../../src/platform/discord/command.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { acceptsAnswers, tally, type GroupRun } from '../../src/runs/run.js';
import { answerRun, getRun, runRsvpList } from '../../src/runs/store.js';
import { recordPostedMentions } from '../../src/participation/posted-mentions-store.js';
import { rsvpCodec, type RsvpClick } from './custom-id.js';
import { confirmRan } from './ran-button.js';
import { runCardMessage } from './views.js';

const unix = (at: Date) => Math.floor(at.getTime() / 1000);

/** Brings the card up to date; each edit reads the answers when it runs, so the last click always shows. */
export function refreshRunCard(ctx: InteractionContext, run: GroupRun): void {
  const { poster, liveEdits } = ctx;
  const messageId = run.messageId;
  if (!poster || !liveEdits || !messageId) return;
  liveEdits.request(messageId, async () => {
    const fresh = await getRun(ctx.storage, run.guildId, run.id);
    if (!fresh || fresh.messageId !== messageId) return;
    const rsvps = await runRsvpList(ctx.storage, fresh.id);
    await poster.edit(fresh.channelId, messageId, runCardMessage(fresh, tally(fresh, rsvps)));
    // The card names members: noted, so that erasing one of them edits it.
    const members = rsvps.map((rsvp) => ({ userId: rsvp.userId, shown: `<@${rsvp.userId}>` }));
    await recordPostedMentions(ctx.storage, { guildId: fresh.guildId, channelId: fresh.channelId, messageId, members }, ctx.clock.now());
  });
}

/** Why this click cannot be recorded on the run as it is, or null. The id is client-held: the run must be this server's, open, and not started. */
function refusal(run: GroupRun | undefined, click: RsvpClick, now: Date): string | null {
  if (!run) return 'This group run is not one of this server’s runs any more. Nothing was recorded.';
  if (run.status === 'cancelled') return `**${run.title}** was cancelled. Nothing was recorded.`;
  if (!acceptsAnswers(run, now)) return `**${run.title}** started <t:${unix(run.startsAt)}:R>, so answers are closed. Nothing was changed.`;
  const group = click.paceGroup === null ? null : run.paceGroups[click.paceGroup];
  if (click.answer === 'going' && (group === undefined || (group === null && run.paceGroups.length > 0))) return STALE_COMPONENT_TEXT;
  return null;
}

async function answer(interaction: MessageComponentInteraction, click: RsvpClick, ctx: InteractionContext): Promise<void> {
  if (click.answer === 'ran') return confirmRan(interaction, click.runId, ctx);
  const now = ctx.clock.now();
  const read = async () => (interaction.inGuild() ? getRun(ctx.storage, interaction.guildId, click.runId) : undefined);
  let run = await read();
  let refused = refusal(run, click, now);
  if (refused !== null || !run) return ctx.respond.fail(refused ?? STALE_COMPONENT_TEXT);
  // It lands only if the run is still as read: when an edit or cancel got in between, it is read again once.
  if (!(await answerRun(ctx.storage, run, interaction.user.id, click.answer, click.paceGroup, now))) {
    const seen = run.paceGroups.join('\n');
    run = await read();
    refused = refusal(run, click, now) ?? (click.answer === 'going' && run?.paceGroups.join('\n') !== seen ? STALE_COMPONENT_TEXT : null);
    if (refused !== null || !run) return ctx.respond.fail(refused ?? STALE_COMPONENT_TEXT);
    if (!(await answerRun(ctx.storage, run, interaction.user.id, click.answer, click.paceGroup, now))) return ctx.respond.fail(STALE_COMPONENT_TEXT);
  }
  refreshRunCard(ctx, run);
  const group = click.paceGroup === null ? null : run.paceGroups[click.paceGroup];
  const said =
    click.answer === 'going'
      ? group
        ? `You’re going to **${run.title}**, in the **${group}** group.`
        : `You’re going to **${run.title}**.`
      : click.answer === 'maybe'
        ? `You said maybe to **${run.title}**.`
        : `You said you can’t go to **${run.title}**.`;
  const reminder = click.answer === 'going' ? ' Those going get one reminder before the start.' : '';
  return ctx.respond.reply({ content: `${said}${reminder} You can change your answer with the buttons until <t:${unix(run.startsAt)}:t> on <t:${unix(run.startsAt)}:D>.`, ephemeral: true });
}

export const runRsvpButtons = defineComponents({ codec: rsvpCodec, ephemeral: true, component: answer });
