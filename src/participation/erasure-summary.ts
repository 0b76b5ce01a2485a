/** How an erasure reads to a member: totals per kind of record, in words. */
export interface ErasureSummary {
  total: number;
  parts: { label: string; count: number }[];
}

const LABELS: Record<string, string> = {
  members: 'club membership',
  enrolments: 'challenges joined',
  session_logs: 'sessions logged',
  challenge_pauses: 'pauses',
  member_names: 'display name kept',
  posted_mentions: 'notes of posts naming you',
};

export function summariseErasure(deleted: Record<string, number>, cleared: Record<string, number>): ErasureSummary {
  const parts = Object.entries(deleted).map(([table, count]) => ({ label: LABELS[table] ?? table.replaceAll('_', ' '), count }));
  const clearedTotal = Object.values(cleared).reduce((a, b) => a + b, 0);
  if (clearedTotal > 0) parts.push({ label: 'mentions of you cleared', count: clearedTotal });
  return { total: parts.reduce((a, p) => a + p.count, 0), parts };
}
