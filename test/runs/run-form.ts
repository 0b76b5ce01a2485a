/** Creating a group run as a moderator does: `/run create` with its options, then the form it opens. */
import { FIXTURE, type ApiMessage } from '@pacer/discord-double';
import type { Pacer } from '../support/pacer.js';

const SLASH_OPTIONS = new Set(['channel', 'ping', 'reminder-hours', 'repeat']);

export const RUN_TEXT = { title: 'Tuesday track', 'meeting-point': 'Track gate', distance: '60 min', 'pace-groups': '5:00/km, 5:45/km, 6:30/km' };

/**
 * Runs `/run create` with the slash options among `options` and, when Pacer opens the form, submits the rest as its
 * fields (title, when, meeting-point, distance, pace-groups). Returns the private reply the moderator reads.
 */
export async function createRunWithForm(pacer: Pacer, options: Record<string, string | number>, user: string = FIXTURE.users.moderator): Promise<ApiMessage> {
  const slash = Object.fromEntries(Object.entries(options).filter(([name]) => SLASH_OPTIONS.has(name)));
  const fields = { ...RUN_TEXT, ...Object.fromEntries(Object.entries(options).filter(([name]) => !SLASH_OPTIONS.has(name)).map(([k, v]) => [k, String(v)])) };
  const command = pacer.double.runSlash('run', { subcommand: 'create', options: { channel: FIXTURE.channels.announcements, ...slash }, user, bypassPermissionGate: user !== FIXTURE.users.moderator });
  const callback = await command.response();
  if (callback.type !== 9) return command.reply();
  return pacer.double.submitModal(String(command.modal().custom_id), fields, { user }).reply();
}
