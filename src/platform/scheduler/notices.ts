/** What the scheduler tells a club's moderators when a scheduled post cannot go out. No pings. */
import { SCHEDULE_KINDS } from '../schedule-kinds.js';
import type { OutgoingMessage, ScheduleKind } from './contract.js';

export interface NoticeSubject {
  kind: ScheduleKind;
  channelId: string;
}

function message(content: string): OutgoingMessage {
  return { content, allowed_mentions: { parse: [] } };
}

/** A permanent failure: the schedule is paused until a moderator resumes it. */
export function pausedNotice(subject: NoticeSubject, reason: string): OutgoingMessage {
  return message(
    [
      `**Pacer paused ${SCHEDULE_KINDS[subject.kind].what} in <#${subject.channelId}>.**`,
      `Why: ${reason}`,
      `To fix it: make sure Pacer can see that channel and has the Send Messages and Embed Links permissions there (or choose another channel), then run ${SCHEDULE_KINDS[subject.kind].resume}.`,
    ].join('\n'),
  );
}

/** Transient failures used up every retry: this occurrence is lost, the next one is still scheduled. */
export function failedNotice(subject: NoticeSubject, reason: string, attempts: number): OutgoingMessage {
  return message(
    [
      `**Pacer could not post ${SCHEDULE_KINDS[subject.kind].what} in <#${subject.channelId}>** after ${attempts} tries.`,
      `Why: ${reason}`,
      'The next one is still scheduled. If this keeps happening, check that Discord is reachable from where Pacer runs.',
    ].join('\n'),
  );
}

/** A job chose not to post and asked for moderators to hear why. */
export function skippedNotice(subject: NoticeSubject, reason: string): OutgoingMessage {
  return message(`Pacer did not post ${SCHEDULE_KINDS[subject.kind].what} in <#${subject.channelId}>: ${reason}`);
}

/** Discord's limit for a message's content. */
const CONTENT_MAX = 2000;

/**
 * One message for all the notices a tick has for one club: a single notice as it is, several as a list
 * under one heading, cut to Discord's 2,000 characters with a count of what did not fit.
 */
export function noticeDigest(notices: readonly OutgoingMessage[]): OutgoingMessage {
  if (notices.length === 1) return notices[0]!;
  const heading = `**Pacer has ${notices.length} notices about scheduled posts:**`;
  const items = notices.map((notice) => `• ${(notice.content ?? '').replace(/\n+/g, ' ')}`);
  let content = heading;
  for (let i = 0; i < items.length; i++) {
    const more = `\n…and ${items.length - i} more. See \`/announce list\` and \`/club settings\`.`;
    const next = `${content}\n${items[i]}`;
    const reserve = i < items.length - 1 ? more.length + 60 : 0;
    if (next.length + reserve > CONTENT_MAX) {
      content += more;
      break;
    }
    content = next;
  }
  return message(content.slice(0, CONTENT_MAX));
}
