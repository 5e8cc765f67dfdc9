import { describe, expect, it } from 'vitest';
import { ALL_QUEUE, viewQueue } from './queueView';

const now = Date.parse('2026-12-03T12:00:00Z');
const items = [
  { modelId: '1', modelName: 'beta-llm', modelType: 'llm', visibility: 'PUBLIC', submittedAt: '2026-11-20T12:00:00Z', submitter: { username: 'alice' } },
  { modelId: '2', modelName: 'alpha-embed', modelType: 'embedding', visibility: 'ENTERPRISE', submittedAt: '2026-12-03T10:00:00Z', submitter: { username: 'erin' } },
  { modelId: '3', modelName: 'gamma-llm', modelType: 'llm', visibility: 'PUBLIC', submittedAt: '2026-12-01T12:00:00Z', owner: { username: 'bob' } },
];
const names = (view: Partial<typeof ALL_QUEUE>) => viewQueue(items, { ...ALL_QUEUE, ...view }, now).map((i) => i.modelName);

describe('review queue view', () => {
  it('is oldest first by default and sorts by newest or name on request', () => {
    expect(names({})).toEqual(['beta-llm', 'gamma-llm', 'alpha-embed']);
    expect(names({ sort: 'newest' })).toEqual(['alpha-embed', 'gamma-llm', 'beta-llm']);
    expect(names({ sort: 'name' })).toEqual(['alpha-embed', 'beta-llm', 'gamma-llm']);
  });

  it('filters by type, visibility, submitter and age, and searches names and submitters', () => {
    expect(names({ type: 'llm' })).toEqual(['beta-llm', 'gamma-llm']);
    expect(names({ visibility: 'ENTERPRISE' })).toEqual(['alpha-embed']);
    expect(names({ submitter: 'bob' })).toEqual(['gamma-llm']);
    expect(names({ minAgeDays: '7' })).toEqual(['beta-llm']);
    expect(names({ q: 'ERIN' })).toEqual(['alpha-embed']);
    expect(names({ q: 'llm gam' })).toEqual(['gamma-llm']);
  });
});
