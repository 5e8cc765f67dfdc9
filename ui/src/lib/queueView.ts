import type { ReviewQueueItem } from './api';

export interface QueueView {
  q: string;
  type: string;
  visibility: string;
  submitter: string;
  /** only submissions waiting at least this many days ('' = any age) */
  minAgeDays: string;
  sort: 'oldest' | 'newest' | 'name';
}

export const ALL_QUEUE: QueueView = { q: '', type: '', visibility: '', submitter: '', minAgeDays: '', sort: 'oldest' };

export function submitterOf(item: ReviewQueueItem): string {
  const p = item.submitter ?? item.owner;
  if (!p) return '';
  if (typeof p === 'string') return p;
  return p.username ?? p.subject ?? '';
}

/** The queue as the reviewer asked to see it: search over name and submitter, filters, then the order. */
export function viewQueue(items: ReviewQueueItem[], view: QueueView, now = Date.now()): ReviewQueueItem[] {
  const words = view.q.toLowerCase().split(/\s+/).filter(Boolean);
  const minAge = view.minAgeDays ? Number(view.minAgeDays) * 86_400_000 : 0;
  const time = (i: ReviewQueueItem) => (i.submittedAt ? Date.parse(i.submittedAt) : 0);
  return items
    .filter((i) => words.every((w) => `${i.modelName} ${submitterOf(i)}`.toLowerCase().includes(w)))
    .filter((i) => !view.type || i.modelType === view.type)
    .filter((i) => !view.visibility || String(i.visibility ?? '').toUpperCase() === view.visibility)
    .filter((i) => !view.submitter || submitterOf(i) === view.submitter)
    .filter((i) => !minAge || now - time(i) >= minAge)
    .sort((a, b) =>
      view.sort === 'name' ? a.modelName.localeCompare(b.modelName) : view.sort === 'newest' ? time(b) - time(a) : time(a) - time(b),
    );
}
