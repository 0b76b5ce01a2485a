import type { OutgoingMessage } from '../platform/scheduler/contract.js';
import type { AnnouncementContent } from './announcement.js';
import { allowedMentionsFor, pingMention } from './mentions.js';
import { CONTENT_MAX } from './text-limits.js';

const EMBED_COLOUR = 0x2f80ed;

/**
 * The message an announcement posts (and its private preview shows). With a title it is an embed; without
 * one it is plain text, unless the text is too long for a plain message, when it becomes an untitled embed.
 * The chosen ping leads the content; `allowed_mentions` makes it the only one that can fire.
 */
export function announcementPost(announcement: AnnouncementContent): OutgoingMessage {
  const mention = pingMention(announcement.ping);
  const allowed_mentions = allowedMentionsFor(announcement.ping);
  const plain = mention ? `${mention}\n${announcement.body}` : announcement.body;
  if (announcement.title === null && plain.length <= CONTENT_MAX) {
    return { content: plain, allowed_mentions };
  }
  const embed = {
    ...(announcement.title !== null ? { title: announcement.title } : {}),
    description: announcement.body,
    color: EMBED_COLOUR,
  };
  return { ...(mention ? { content: mention } : {}), embeds: [embed], allowed_mentions };
}
