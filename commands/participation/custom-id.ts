/**
 * The participation features' `custom_id` families: `lb` (a leaderboard's buttons), `fm` (the /forget-me
 * confirmation) and `cs` (sharing a moderator's /club stats). Each is one codec (src/platform/codec.ts).
 */
import { defineCodec } from '../../src/platform/codec.js';
import { BOARDS, PERIODS, type Board, type Period } from '../../src/participation/leaderboard.js';

export interface LeaderboardState {
  period: Period;
  board: Board;
  page: number;
}

/** Which of the leaderboard's buttons an id belongs to: previous page, next page, the other board. */
export type LeaderboardButton = 'prev' | 'next' | 'flip';
const LEADERBOARD_BUTTONS: readonly LeaderboardButton[] = ['prev', 'next', 'flip'];

/**
 * `lb:2:<period>:<board>:<page>:<button>`. Version 2 adds which button it is: on a one-page board Previous and
 * Next lead to the same page, and Discord refuses two components with one custom_id. Version 1 ids, on boards
 * posted before it, are still read.
 */
export const leaderboardCodec = defineCodec<LeaderboardState & { button: LeaderboardButton }>({
  prefix: 'lb',
  version: 2,
  readsVersions: [1],
  toParts: ({ period, board, page, button }) => [period, board, page, button],
  fromParts(parts, version) {
    const expected = version === 1 ? 3 : 4;
    if (parts.length !== expected) return null;
    const [period, board, pageText, button = 'next'] = parts as [string, string, string, string?];
    if (!(PERIODS as readonly string[]).includes(period) || !(BOARDS as readonly string[]).includes(board) || !/^[1-9]\d{0,3}$/.test(pageText)) return null;
    if (!(LEADERBOARD_BUTTONS as readonly string[]).includes(button)) return null;
    return { period: period as Period, board: board as Board, page: Number(pageText), button: button as LeaderboardButton };
  },
});

export type ForgetAction = 'confirm' | 'cancel';

/** `fm:1:confirm` or `fm:1:cancel`: the answer to "erase everything Pacer holds about you?". */
export const forgetCodec = defineCodec<ForgetAction>({
  prefix: 'fm',
  version: 1,
  toParts: (action) => [action],
  fromParts: (parts) => (parts.length === 1 && (parts[0] === 'confirm' || parts[0] === 'cancel') ? parts[0] : null),
});

/** `cs:1:share`: the one button under a moderator's private /club stats, posting the chart in the channel. */
export const statsShareCodec = defineCodec<'share'>({
  prefix: 'cs',
  version: 1,
  toParts: () => ['share'],
  fromParts: (parts) => (parts.length === 1 && parts[0] === 'share' ? 'share' : null),
});
