import type { AuditEntry } from './api';

export interface DayStats {
  day: string; // YYYY-MM-DD (UTC)
  approved: number;
  rejected: number;
  /** mean hours from submission to decision, for the decisions of that day */
  meanHoursToDecision: number | null;
}

const DECISIONS = new Set(['ModelApproved', 'ModelRejected']);

/**
 * Review throughput per day and time to decision, from audit-trail entries (submissions and decisions, any
 * order). Each decision is paired with the latest earlier submission (or registration) of the same model.
 */
export function reviewStats(entries: AuditEntry[]): DayStats[] {
  const sorted = [...entries].sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.sequence - b.sequence);
  const openSince = new Map<string, number>();
  const days = new Map<string, { approved: number; rejected: number; hours: number[] }>();
  for (const e of sorted) {
    const at = Date.parse(e.timestamp);
    // a plain user's public model opens its first round by being registered (no separate submission event)
    if (e.action === 'ModelSubmittedForReview' || e.action === 'ModelRegistered') {
      openSince.set(e.modelId, at);
      continue;
    }
    if (!DECISIONS.has(e.action)) continue;
    const day = e.timestamp.slice(0, 10);
    const stats = days.get(day) ?? { approved: 0, rejected: 0, hours: [] };
    if (e.action === 'ModelApproved') stats.approved++;
    else stats.rejected++;
    const since = openSince.get(e.modelId);
    if (since !== undefined) stats.hours.push((at - since) / 3_600_000);
    openSince.delete(e.modelId);
    days.set(day, stats);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, s]) => ({
      day,
      approved: s.approved,
      rejected: s.rejected,
      meanHoursToDecision: s.hours.length ? s.hours.reduce((x, y) => x + y, 0) / s.hours.length : null,
    }));
}
