/** The `rm` family: the create and edit forms' submits and the cancel prompt's buttons. */
import { defineComponents } from '../../src/platform/discord/command.js';
import { STALE_COMPONENT_TEXT } from '../../src/platform/discord/router.js';
import { confirmCancel, keepRun } from './cancel.js';
import { submitCreate } from './create.js';
import { runManageCodec } from './custom-id.js';
import { submitEdit } from './edit.js';

export const runManageComponents = defineComponents({
  codec: runManageCodec,
  ephemeral: true,
  async modal(interaction, action, ctx) {
    if (action.kind === 'new') return submitCreate(interaction, action, ctx);
    if (action.kind === 'edit') return submitEdit(interaction, action.runId, ctx);
    return ctx.respond.fail(STALE_COMPONENT_TEXT);
  },
  async component(interaction, action, ctx) {
    if (action.kind === 'cancel') return confirmCancel(interaction, action.runId, ctx);
    if (action.kind === 'cancel-series') return confirmCancel(interaction, action.runId, ctx, true);
    if (action.kind === 'keep') return keepRun(interaction, action.runId, ctx);
    return ctx.respond.fail(STALE_COMPONENT_TEXT);
  },
});
