import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatDateTime } from '../components/ModelCard';
import { describeError, type AuditEntry } from '../lib/api';
import { useHub } from '../lib/auth';
import { download } from '../lib/csv';
import { exportRangeError } from '../lib/auditTools';
import { ModelAuditTools, StoreVerification } from '../components/AuditTools';
import { Permission } from '../lib/permissions';
import { LoginRequired } from './LoginRequired';

const ACTIONS = [
  'ModelRegistered',
  'ModelDefinitionUpdated',
  'ModelReadmeUpdated',
  'ModelSubmittedForReview',
  'ModelSubmissionWithdrawn',
  'ModelApproved',
  'ModelRejected',
  'ModelExpirationDateSet',
  'ModelExpired',
  'ModelDeleted',
];

const humanAction = (a: string) => a.replace(/^Model/, '').replace(/([a-z])([A-Z])/g, '$1 $2');

/** The audit trail: one row per event, filterable, exportable (audit-read permission). */
export function Audit() {
  const { session, can, api } = useHub();
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState<number | undefined>();
  const [cursor, setCursor] = useState<string | null | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [form, setForm] = useState(() => ({
    actor: params.get('actor') ?? '',
    modelId: params.get('modelId') ?? '',
    modelName: params.get('modelName') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  }));
  const filters = {
    actor: params.get('actor') ?? undefined,
    modelId: params.get('modelId') ?? undefined,
    modelName: params.get('modelName') ?? undefined,
    action: params.get('action') ?? undefined,
    from: params.get('from') ? new Date(params.get('from')!).toISOString() : undefined,
    to: params.get('to') ? new Date(params.get('to')!).toISOString() : undefined,
    size: '50',
  };
  const key = JSON.stringify(filters);
  const allowed = can(Permission.AUDIT_READ) || can(Permission.ADMIN);
  const [names, setNames] = useState<{ modelName: string; modelIds: string[] }[]>([]);

  // the model filter takes a name: suggest the names in the trail as they are typed
  useEffect(() => {
    const typed = form.modelName.trim();
    if (!session || !allowed || !typed) {
      setNames([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .auditModelNames(typed)
        .then((n) => current && setNames(n))
        .catch(() => current && setNames([]));
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, form.modelName, session, allowed]);

  useEffect(() => {
    if (!session || !allowed) return;
    let cancelled = false;
    setItems(null);
    setError(null);
    api
      .auditTrail(filters)
      .then((page) => {
        if (cancelled) return;
        setItems(page.items ?? []);
        setTotal(page.total);
        setCursor(page.nextCursor);
      })
      .catch((e) => !cancelled && setError(describeError(e)));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, session?.subject, allowed]);

  if (!session) return <LoginRequired what="read the audit trail" />;
  if (!allowed)
    return (
      <div className="page narrow">
        <h1>Audit trail</h1>
        <p>You need the audit permission to read the audit trail.</p>
      </div>
    );

  // one model's timeline: by id, or by a name that belongs to exactly one model in the trail
  const singleId = filters.modelName ? new Set((items ?? []).map((e) => e.modelId)) : null;
  const timelineId = filters.modelId ?? (singleId && singleId.size === 1 ? [...singleId][0] : undefined);
  const timelineName = filters.modelName ?? items?.find((e) => e.modelId === timelineId)?.modelName;
  const searched = [
    filters.modelName && `model “${filters.modelName}”`,
    !filters.modelName && filters.modelId && `model ${timelineName ?? filters.modelId}`,
    filters.actor && `actor “${filters.actor}”`,
    filters.action && humanAction(filters.action).toLowerCase(),
  ]
    .filter(Boolean)
    .join(', ');

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) if (v) next.set(k, v);
    setParams(next);
  };
  const more = () =>
    api.auditTrail({ ...filters, cursor: cursor ?? undefined }).then((page) => {
      setItems((old) => [...(old ?? []), ...(page.items ?? [])]);
      setCursor(page.nextCursor);
    });
  /** The server's export: streamed oldest first; the filter's range, else the last year. */
  const exportAs = async (format: 'csv' | 'ndjson') => {
    const to = filters.to ?? new Date(Date.now() + 60_000).toISOString();
    const from = filters.from ?? new Date(Date.parse(to) - 365 * 86_400_000).toISOString();
    const problem = exportRangeError(from, to);
    if (problem) return setError(problem);
    setExporting(true);
    setError(null);
    try {
      const text = await api.exportAudit({ from, to, actor: filters.actor, modelId: filters.modelId ?? timelineId, format });
      download(`audit-trail.${format}`, text, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>Audit trail</h1>
        <div className="actions">
          <button type="button" className="btn btn-small" disabled={exporting} onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" className="btn btn-small" disabled={exporting} onClick={() => void exportAs('ndjson')}>
            Export NDJSON
          </button>
        </div>
      </div>
      <form className="card filters-bar" onSubmit={apply}>
        <label className="field">
          <span className="field-label">Actor</span>
          <input value={form.actor} placeholder="username or subject" onChange={(e) => setForm({ ...form, actor: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">Model</span>
          <input
            value={form.modelName}
            placeholder="model name"
            list="audit-model-names"
            autoComplete="off"
            onChange={(e) => setForm({ ...form, modelName: e.target.value, modelId: '' })}
          />
          <datalist id="audit-model-names">
            {names.map((n) => (
              <option key={n.modelName} value={n.modelName} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span className="field-label">Action</span>
          <select value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            <option value="">Any</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {humanAction(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">From</span>
          <input type="datetime-local" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">To</span>
          <input type="datetime-local" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </label>
        <div className="actions">
          <button type="submit" className="btn btn-primary">
            Filter
          </button>
        </div>
      </form>
      <StoreVerification />
      {timelineId && <ModelAuditTools modelId={timelineId} modelName={timelineName} />}
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {total !== undefined && total > 0 && (
        <p className="muted">
          {total} event{total === 1 ? '' : 's'}
          {searched ? ` for ${searched}` : ''}. <span className="legend">“v3” is the model's version: its own event count from v0, the registration.</span>
        </p>
      )}
      {items === null && !error && <p className="muted">Loading…</p>}
      {items && items.length === 0 && (
        <div className="card empty-state" role="status">
          <p>
            <strong>No events{searched ? ` for ${searched}` : ''}.</strong>{' '}
            {filters.modelName ? 'Check the spelling, or pick one of the names suggested as you type.' : 'Try a wider time range or fewer filters.'}
          </p>
        </div>
      )}
      {items && items.length > 0 && (
        <table className="table audit">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Model</th>
              <th scope="col">Action</th>
              <th scope="col">Actor</th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.entryId}>
                <td>{formatDateTime(e.timestamp)}</td>
                <td>
                  {e.modelName ? <Link to={`/models/detail/${encodeURIComponent(e.modelName)}`}>{e.modelName}</Link> : e.modelId}{' '}
                  <Link
                    className="muted"
                    to={`/audit?modelId=${encodeURIComponent(e.modelId)}${e.modelName ? `&modelName=${encodeURIComponent(e.modelName)}` : ''}`}
                    title={`Version ${e.sequence} of this model: open its timeline`}
                  >
                    v{e.sequence}
                  </Link>
                </td>
                <td>
                  <span className={`badge action-${e.action}`}>{humanAction(e.action)}</span>
                </td>
                <td>{e.actor?.username ?? e.actor?.subject}</td>
                <td>{e.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <div className="more">
          <button type="button" className="btn" onClick={() => void more()}>
            Load more
          </button>
        </div>
      )}
    </div>
  );
}
