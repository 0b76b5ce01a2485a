import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/connection.js';
import { eraseMember } from '../../src/participation/erasure-store.js';
import { readMemberNames, saveMemberName } from '../../src/participation/member-names-store.js';
import { seedClub, seedMember } from './support/seed.js';

const G = '1200000000000000001';
const RITA = '1500000000000000001';
const STRANGER = '1500000000000000099';

describe('display names kept from members\' own interactions', () => {
  it('keeps the latest name of a member who takes part, none for anyone else, and erasure removes it', () => {
    const handle = openDatabase(':memory:');
    const { db, sqlite } = handle;
    seedClub(sqlite, { guildId: G });
    seedMember(sqlite, G, RITA, new Date('2026-11-01'));
    saveMemberName(db, { guildId: G, userId: RITA, displayName: 'Rita' }, new Date('2026-11-02'));
    saveMemberName(db, { guildId: G, userId: STRANGER, displayName: 'Just checking my knee' }, new Date('2026-11-02'));
    expect(readMemberNames(db, G, [RITA, STRANGER])).toEqual(new Map([[RITA, 'Rita']]));
    saveMemberName(db, { guildId: G, userId: RITA, displayName: 'Rita (club captain)' }, new Date('2026-11-03'));
    expect(readMemberNames(db, G, [RITA]).get(RITA)).toBe('Rita (club captain)');
    expect(eraseMember(db, RITA).deleted.member_names).toBe(1);
    expect(readMemberNames(db, G, [RITA])).toEqual(new Map());
    handle.close();
  });
});
