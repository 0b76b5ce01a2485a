import type { OutgoingMessage } from '../platform/scheduler/contract.js';
import type { Ping } from './announcement.js';

/**
 * Exactly the chosen ping, whatever the text says: `parse` never includes users or roles, so `@here`,
 * `<@&role>` or `<@user>` typed into the body ping nobody; @everyone pings only when it was chosen.
 */
export function allowedMentionsFor(ping: Ping): OutgoingMessage['allowed_mentions'] {
  switch (ping.kind) {
    case 'nobody':
      return { parse: [] };
    case 'role':
      return { parse: [], roles: [ping.roleId] };
    case 'everyone':
      return { parse: ['everyone'] };
  }
}

/** The mention that starts the post, so the chosen ping fires even when the text does not name it. */
export function pingMention(ping: Ping): string {
  switch (ping.kind) {
    case 'nobody':
      return '';
    case 'role':
      return `<@&${ping.roleId}>`;
    case 'everyone':
      return '@everyone';
  }
}

/** How the confirmation and list say who is pinged (shown with allowed_mentions that ping nobody). */
export function describePing(ping: Ping): string {
  return ping.kind === 'nobody' ? 'nobody' : pingMention(ping);
}
