import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { tabListKeys } from '../lib/tabs';
import { StatusBadge, VisibilityBadge } from '../components/Badges';
import { formatDate } from '../components/ModelCard';
import { describeError } from '../lib/api';
import { useHub } from '../lib/auth';
import type { ModelSummary } from '../lib/types';
import { LoginRequired } from './LoginRequired';

const STATUS_FILTERS = ['', 'DRAFT', 'PENDING_REVIEW', 'REJECTED', 'APPROVED', 'EXPIRED'];

export function MyModels() {
  const { session, api } = useHub();
  const location = useLocation();
  const state = location.state as { notice?: string; expect?: string } | null;
  const notice = state?.notice;
  const expect = state?.expect;
  const [items, setItems] = useState<ModelSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null | undefined>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!session) return;
    let cancelled = false;
    setItems(null);
    setError(null);
    // a model registered a moment ago may take a second to reach the search index: look again a few times
    const deadline = Date.now() + 10000;
    const load = (): Promise<void> =>
      api.myModels({ status: status || undefined, size: '50' }).then((page) => {
        if (cancelled) return;
        const found = !expect || (page.items ?? []).some((m) => m.modelName === expect);
        setItems(page.items ?? []);
        setCursor(page.nextCursor);
        if (!found && Date.now() < deadline) return new Promise<void>((r) => setTimeout(r, 700)).then(load);
      });
    load().catch((e) => !cancelled && setError(describeError(e)));
    return () => {
      cancelled = true;
    };
  }, [api, session, status, expect]);

  if (!session) return <LoginRequired what="see your models" />;

  const more = () =>
    api.myModels({ status: status || undefined, size: '50', cursor: cursor ?? undefined }).then((page) => {
      setItems((old) => [...(old ?? []), ...(page.items ?? [])]);
      setCursor(page.nextCursor);
    });

  return (
    <div className="page">
      <div className="page-head">
        <h1>My Models</h1>
        <Link to="/register" className="btn btn-primary">
          Register a model
        </Link>
      </div>
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}
      <div className="tabs" role="tablist" aria-label="Status" onKeyDown={tabListKeys}>
        {STATUS_FILTERS.map((s) => (
          <button key={s || 'all'} type="button" role="tab" aria-selected={status === s} tabIndex={status === s ? 0 : -1} className={`tab ${status === s ? 'active' : ''}`} onClick={() => setStatus(s)}>
            {s ? <StatusBadge status={s} /> : 'All'}
          </button>
        ))}
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      {items === null && !error && <p className="muted">Loading…</p>}
      {items && items.length === 0 && (
        <div className="card empty-state">
          <p>You have no models{status ? ' with this status' : ''} yet.</p>
        </div>
      )}
      {items && items.length > 0 && (
        <table className="table my-models">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Visibility</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.modelId} data-model-name={m.modelName}>
                <td>
                  <Link to={`/models/detail/${encodeURIComponent(m.modelName)}`}>{m.modelName}</Link>
                </td>
                <td>{m.modelType}</td>
                <td>
                  <VisibilityBadge visibility={m.visibility} />
                </td>
                <td>
                  {m.status === 'REJECTED' ? (
                    <Link to={`/models/detail/${encodeURIComponent(m.modelName)}?tab=review`} title="See the reviewer's feedback">
                      <StatusBadge status={m.status} />
                    </Link>
                  ) : (
                    <StatusBadge status={m.status} />
                  )}
                </td>
                <td>{formatDate(m.updatedAt)}</td>
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
