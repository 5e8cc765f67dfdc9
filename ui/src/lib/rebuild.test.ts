import { describe, expect, it } from 'vitest';
import { formatDuration, formatRate, isFinished, percent, progressText } from './rebuild';

describe('rebuild progress', () => {
  it('computes a bounded whole percentage', () => {
    expect(percent({ eventsDone: 0, eventsTotal: 0, phase: 'BUILDING' })).toBe(0);
    expect(percent({ eventsDone: 250, eventsTotal: 1000, phase: 'BUILDING' })).toBe(25);
    expect(percent({ eventsDone: 999, eventsTotal: 1000, phase: 'BUILDING' })).toBe(99);
    expect(percent({ eventsDone: 1200, eventsTotal: 1000, phase: 'SWAPPING' })).toBe(100);
    expect(percent({ eventsDone: 10, eventsTotal: 1000, phase: 'DONE' })).toBe(100);
  });

  it('formats durations and rates', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatRate(0)).toBe('—');
    expect(formatRate(12.345)).toBe('12.3 events/s');
    expect(formatRate(4321.7)).toBe('4,322 events/s');
  });

  it('describes progress and knows the final phases', () => {
    expect(progressText({ eventsDone: 1234, eventsTotal: 5000, phase: 'BUILDING' })).toBe('1,234 of 5,000 events (24 %)');
    expect(isFinished({ phase: 'BUILDING' })).toBe(false);
    expect(isFinished({ phase: 'SWAPPING' })).toBe(false);
    expect(['DONE', 'CANCELLED', 'FAILED'].every((phase) => isFinished({ phase }))).toBe(true);
  });
});
