/** Discord's limits as they apply to an announcement's text. */
export const TITLE_MAX = 256;
/** A modal text input holds at most 4,000 characters; an embed description up to 4,096. */
export const BODY_MAX = 4000;
/** A plain message's content. */
export const CONTENT_MAX = 2000;

/** Spaces and characters that show nothing: zero-width spaces and joiners, soft hyphens, blank fillers. */
const INVISIBLE = /[\s\p{Cf}\u034F\u115F\u1160\u2800\u3164\uFFA0]/gu;

/** Whether the text would show nothing at all in Discord. */
export function looksBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/** A clear reason the text cannot be posted, or null when it fits. */
export function textProblem(title: string | null, body: string): string | null {
  if (looksBlank(body)) return 'The message is empty (it has only spaces or invisible characters), so it would post a blank message. Nothing was saved.';
  if (title !== null && looksBlank(title)) return 'The title has only invisible characters. Leave it empty, or write a title. Nothing was saved.';
  if (body.length > BODY_MAX) {
    return `The message is ${body.length.toLocaleString('en-GB')} characters; an announcement can hold at most ${BODY_MAX.toLocaleString('en-GB')}. Nothing was saved: shorten it and try again.`;
  }
  if (title !== null && title.length > TITLE_MAX) {
    return `The title is ${title.length} characters; Discord allows ${TITLE_MAX}. Nothing was saved.`;
  }
  return null;
}

/**
 * Discord's form holds at most BODY_MAX characters and silently drops the rest of a longer paste, so a
 * message of exactly that length may have lost its end: the confirmation says so.
 */
export function textNotes(body: string): string[] {
  if (body.length < BODY_MAX) return [];
  return [`Your message is ${BODY_MAX.toLocaleString('en-GB')} characters, the most Discord's form holds: if you pasted more, the form cut off the end. Check it with \`/announce preview\`, and split a longer text into two announcements.`];
}
