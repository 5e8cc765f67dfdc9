import type { IntegrityReport } from './api';

/** A datetime-local value ("2026-11-27T10:15" or with seconds) as an ISO instant, or undefined when empty/invalid. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The export range: both ends required, from before to, at most 366 days (the API's rule, checked before asking). */
export function exportRangeError(from: string | undefined, to: string | undefined): string | null {
  if (!from || !to) return 'Choose both ends of the range to export.';
  const a = Date.parse(from);
  const b = Date.parse(to);
  if (Number.isNaN(a) || Number.isNaN(b)) return 'The range is not a valid date.';
  if (a >= b) return '"From" must be before "To".';
  if (b - a > 366 * 86_400_000) return 'Export at most 366 days at once.';
  return null;
}

/** A sentence saying what a verification found. */
export function describeIntegrity(report: IntegrityReport): string {
  const checked = `${report.eventsChecked.toLocaleString('en')} event(s) checked`;
  const pending = report.unanchored > 0 ? `; ${report.unanchored} not yet anchored` : '';
  if (report.intact) return `Intact: ${checked}${pending}.`;
  const b = report.firstBroken;
  const where = b ? ` First broken link: ${b.problem} at model ${b.modelId} #${b.sequence} (event ${b.eventId}, global index ${b.globalIndex})${b.detail ? ` — ${b.detail}` : ''}.` : '';
  return `Tampering detected: ${checked}${pending}.${where}`;
}

/** JSON value for a diff cell: compact, "—" when absent. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
}
