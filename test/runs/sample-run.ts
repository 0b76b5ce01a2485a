/** One open group run, as the store returns it: the fixture the unit tests of cards, forms and events share. */
import type { GroupRun } from '../../src/runs/run.js';

export const sampleRun: GroupRun = {
  id: 7,
  guildId: '1200000000000000001',
  channelId: '1300000000000000003',
  messageId: '1600000000000000001',
  eventId: null,
  title: 'Tuesday track',
  meetingPoint: 'Track gate',
  distance: '8 km',
  paceGroups: ['5:00/km', '5:45/km', '6:30/km'],
  notes: 'Bring a head torch.',
  startsAt: new Date('2026-03-24T18:30:00Z'),
  endsAt: new Date('2026-03-24T20:00:00Z'),
  timezone: 'Europe/London',
  status: 'open',
};
