import type { ModelStatus, Visibility } from '../lib/types';

const STATUS_LABEL: Record<string, string> = {
  DRAFT: 'Draft',
  PENDING_REVIEW: 'Pending review',
  REJECTED: 'Rejected',
  APPROVED: 'Approved',
  EXPIRED: 'Expired',
  DELETED: 'Deleted',
};

export function StatusBadge({ status }: { status?: ModelStatus | string }) {
  if (!status) return null;
  return <span className={`badge status-${status.toLowerCase()}`}>{STATUS_LABEL[status] ?? status}</span>;
}

export function VisibilityBadge({ visibility }: { visibility?: Visibility | string }) {
  if (!visibility) return null;
  const label = visibility.charAt(0) + visibility.slice(1).toLowerCase();
  return <span className={`badge vis-${visibility.toLowerCase()}`}>{label}</span>;
}

export function statusLabel(status?: string): string {
  return status ? (STATUS_LABEL[status] ?? status) : '';
}

/**
 * Visibility and status as one true statement: a public model is only "Public" once approved; before that it is
 * "Public — in review", "Public — rejected", and so on, so a badge never promises what is not so.
 */
export function ModelStateBadges({ visibility, status }: { visibility?: Visibility | string; status?: ModelStatus | string }) {
  if (!visibility) return <StatusBadge status={status} />;
  const vis = visibility.charAt(0) + visibility.slice(1).toLowerCase();
  const live = status === 'APPROVED';
  const label = live ? vis : `${vis} — ${STATE_WORDS[status ?? ''] ?? statusLabel(status).toLowerCase()}`;
  return <span className={`badge vis-${visibility.toLowerCase()} status-${(status ?? '').toLowerCase()}`}>{label}</span>;
}

const STATE_WORDS: Record<string, string> = {
  PENDING_REVIEW: 'in review',
  REJECTED: 'rejected',
  DRAFT: 'draft, not submitted',
  EXPIRED: 'expired',
  DELETED: 'deleted',
};
