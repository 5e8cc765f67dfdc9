import { describe, expect, it } from 'vitest';
import { describeIntegrity, exportRangeError, localToIso, showValue } from './auditTools';

describe('audit tools', () => {
  it('checks the export range like the API does', () => {
    expect(exportRangeError(undefined, '2026-01-01T00:00:00Z')).toMatch(/both ends/);
    expect(exportRangeError('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z')).toMatch(/before/);
    expect(exportRangeError('2025-01-01T00:00:00Z', '2026-06-01T00:00:00Z')).toMatch(/366/);
    expect(exportRangeError('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')).toBeNull();
  });

  it('turns a local date-time into an instant', () => {
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('nonsense')).toBeUndefined();
    expect(localToIso('2026-11-27T10:15')).toBe(new Date('2026-11-27T10:15').toISOString());
  });

  it('describes a verification', () => {
    expect(describeIntegrity({ intact: true, eventsChecked: 1234, unanchored: 0 })).toBe('Intact: 1,234 event(s) checked.');
    expect(describeIntegrity({ intact: true, eventsChecked: 3, unanchored: 2 })).toBe('Intact: 3 event(s) checked; 2 not yet anchored.');
    const broken = describeIntegrity({
      intact: false,
      eventsChecked: 9,
      unanchored: 0,
      firstBroken: { problem: 'ALTERED', globalIndex: 77, eventId: 'e1', modelId: 'm1', sequence: 2 },
    });
    expect(broken).toContain('Tampering detected');
    expect(broken).toContain('ALTERED at model m1 #2');
  });

  it('shows diff values', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue('a')).toBe('"a"');
    expect(showValue([1, 2])).toBe('[1,2]');
  });
});
