import type { RebuildStatus } from './api';

export const REBUILDABLE = ['catalogue', 'review-queue', 'audit-trail'] as const;

const FINISHED = new Set(['DONE', 'CANCELLED', 'FAILED']);

export function isFinished(status: Pick<RebuildStatus, 'phase'>): boolean {
  return FINISHED.has(status.phase);
}

/** 0..100, whole percent; 100 once done; never above 100 even when the total was raised late. */
export function percent(status: Pick<RebuildStatus, 'eventsDone' | 'eventsTotal' | 'phase'>): number {
  if (status.phase === 'DONE') return 100;
  if (!status.eventsTotal || status.eventsTotal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((status.eventsDone * 100) / status.eventsTotal)));
}

/** "1 h 02 min", "3 min 05 s", "42 s"; "—" when unknown. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(r)} s`;
  return `${r} s`;
}

export function formatRate(eventsPerSecond: number | null | undefined): string {
  if (!eventsPerSecond || !Number.isFinite(eventsPerSecond) || eventsPerSecond <= 0) return '—';
  if (eventsPerSecond >= 100) return `${Math.round(eventsPerSecond).toLocaleString('en')} events/s`;
  return `${eventsPerSecond.toFixed(1)} events/s`;
}

/** One line for screen readers and the bar's label: "1,234 of 5,000 events (24 %)". */
export function progressText(status: Pick<RebuildStatus, 'eventsDone' | 'eventsTotal' | 'phase'>): string {
  const n = (x: number) => x.toLocaleString('en');
  return `${n(status.eventsDone)} of ${n(status.eventsTotal)} events (${percent(status)} %)`;
}

export const phaseLabel: Record<string, string> = {
  BUILDING: 'Building',
  SWAPPING: 'Swapping',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
  FAILED: 'Failed',
};
