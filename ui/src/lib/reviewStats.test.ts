import { describe, expect, it } from 'vitest';
import type { AuditEntry } from './api';
import { reviewStats } from './reviewStats';

const e = (modelId: string, action: string, timestamp: string, sequence = 0): AuditEntry => ({ entryId: `${modelId}:${sequence}`, modelId, action, timestamp, sequence });

describe('reviewStats', () => {
  it('counts decisions per day and pairs each with its submission', () => {
    const stats = reviewStats([
      e('b', 'ModelApproved', '2026-11-02T10:00:00Z', 3),
      e('a', 'ModelSubmittedForReview', '2026-11-01T08:00:00Z', 1),
      e('a', 'ModelRejected', '2026-11-01T10:00:00Z', 2),
      e('b', 'ModelSubmittedForReview', '2026-11-01T10:00:00Z', 1),
      e('a', 'ModelSubmittedForReview', '2026-11-02T06:00:00Z', 3),
      e('a', 'ModelApproved', '2026-11-02T10:00:00Z', 4),
      e('c', 'ModelReadmeUpdated', '2026-11-02T11:00:00Z', 1),
    ]);
    expect(stats).toEqual([
      { day: '2026-11-01', approved: 0, rejected: 1, meanHoursToDecision: 2 },
      { day: '2026-11-02', approved: 2, rejected: 0, meanHoursToDecision: (24 + 4) / 2 },
    ]);
  });

  it('times a first round opened by the registration itself (a plain user asking for a public model)', () => {
    const stats = reviewStats([
      e('p', 'ModelRegistered', '2026-11-04T09:00:00Z', 0),
      e('p', 'ModelRejected', '2026-11-04T09:30:00Z', 1),
    ]);
    expect(stats[0]).toEqual({ day: '2026-11-04', approved: 0, rejected: 1, meanHoursToDecision: 0.5 });
  });

  it('leaves the time unknown for decisions without a submission in view', () => {
    expect(reviewStats([e('x', 'ModelApproved', '2026-11-03T00:00:00Z')])[0].meanHoursToDecision).toBeNull();
  });
});
