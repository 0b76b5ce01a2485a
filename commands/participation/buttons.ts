import { defineComponents } from '../../src/platform/discord/command.js';
import { leaderboardCodec, statsShareCodec } from './custom-id.js';
import { leaderboardComponent, statsComponent } from './handlers.js';

/** Previous, Next and the other board under a leaderboard: any member may page it (answered privately). */
export const leaderboardButtons = defineComponents({ codec: leaderboardCodec, ephemeral: true, component: leaderboardComponent });

/** "Share to channel" under a moderator's private /club stats. */
export const statsShareButton = defineComponents({ codec: statsShareCodec, ephemeral: true, component: statsComponent });
