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
