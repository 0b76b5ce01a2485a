/** Discord's limits as they apply to an announcement's text. */
export const TITLE_MAX = 256;
/** A modal text input holds at most 4,000 characters; an embed description up to 4,096. */
export const BODY_MAX = 4000;
/** A plain message's content. */
export const CONTENT_MAX = 2000;

/** A clear reason the text cannot be posted, or null when it fits. */
export function textProblem(title: string | null, body: string): string | null {
  if (!body.trim()) return 'The message is empty. Nothing was saved.';
  if (body.length > BODY_MAX) {
    return `The message is ${body.length.toLocaleString('en-GB')} characters; an announcement can hold at most ${BODY_MAX.toLocaleString('en-GB')}. Nothing was saved: shorten it and try again.`;
  }
  if (title !== null && title.length > TITLE_MAX) {
    return `The title is ${title.length} characters; Discord allows ${TITLE_MAX}. Nothing was saved.`;
  }
  return null;
}
