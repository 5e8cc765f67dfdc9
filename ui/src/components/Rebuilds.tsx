import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, type RebuildStatus } from '../lib/api';
import { useHub } from '../lib/auth';
import { formatDateTime } from './ModelCard';
import { REBUILDABLE, formatDuration, formatRate, isFinished, percent, phaseLabel, progressText } from '../lib/rebuild';
import { ConfirmDialog, ErrorNote } from './Confirm';

const POLL_MS = 500;

/** Replays a projection into a fresh index with a live progress bar (events done / total, rate, ETA) and cancel. */
export function Rebuilds() {
  const { api } = useHub();
  const [list, setList] = useState<RebuildStatus[] | null>(null);
  const [projection, setProjection] = useState<string>('catalogue');
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [kick, setKick] = useState(0);
  const [mine, setMine] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const rebuilds = await api.rebuilds();
      setList(rebuilds);
      return rebuilds;
    } catch (e) {
      setError(describeError(e));
      return null;
    }
  }, [api]);

  // poll quickly while a rebuild runs, slowly otherwise
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      const rebuilds = await refresh();
      if (stopped) return;
      const running = rebuilds?.some((r) => !isFinished(r));
      timer.current = setTimeout(() => void tick(), running ? POLL_MS : 5000);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer.current);
    };
  }, [refresh, kick]);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await api.startRebuild(projection);
      setList((old) => [started, ...(old ?? []).filter((r) => r.id !== started.id)]);
      setMine(started.id);
      setKick((k) => k + 1); // restart the poll loop at the fast pace
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      setConfirm(false);
    }
  };

  const cancel = async (id: string) => {
    setError(null);
    try {
      const status = await api.cancelRebuild(id);
      setList((old) => (old ?? []).map((r) => (r.id === id ? status : r)));
    } catch (e) {
      setError(describeError(e));
    }
  };

  // running replays, and the one started from this page until another starts (so its end stays visible)
  const running = list?.filter((r) => !isFinished(r) || r.id === mine) ?? [];
  const finished = list?.filter((r) => isFinished(r) && r.id !== mine) ?? [];

  return (
    <section className="admin-section" aria-labelledby="rebuild-title">
      <h2 id="rebuild-title">Replay a projection</h2>
      <p className="muted">
        Folds every stored event into a fresh index while the live projection goes on; readers switch to it only when it is complete.
      </p>
      <div className="card filters-bar">
        <label className="field">
          <span className="field-label">Projection</span>
          <select value={projection} onChange={(e) => setProjection(e.target.value)}>
            {REBUILDABLE.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setConfirm(true)}>
            Start replay
          </button>
        </div>
      </div>
      <ErrorNote error={error} />
      {running.map((r) => (
        <RebuildProgress key={r.id} status={r} onCancel={() => void cancel(r.id)} />
      ))}
      {list === null ? (
        <p className="muted">Loading…</p>
      ) : finished.length === 0 ? (
        running.length === 0 && <p className="muted">No replay since this instance started.</p>
      ) : (
        <table className="table rebuilds">
          <caption className="sr-only">Finished replays</caption>
          <thead>
            <tr>
              <th scope="col">Projection</th>
              <th scope="col">Result</th>
              <th scope="col">Events</th>
              <th scope="col">Started</th>
              <th scope="col">Index</th>
            </tr>
          </thead>
          <tbody>
            {finished.map((r) => (
              <tr key={r.id} data-rebuild={r.id}>
                <td>
                  <code>{r.projection}</code>
                </td>
                <td>
                  <span className={`badge ${r.phase === 'DONE' ? 'status-approved' : r.phase === 'FAILED' ? 'status-rejected' : 'status-draft'}`}>
                    {phaseLabel[r.phase] ?? r.phase}
                  </span>
                  {r.error && <div className="muted">{r.error}</div>}
                </td>
                <td>
                  {r.eventsDone.toLocaleString('en')} / {r.eventsTotal.toLocaleString('en')}
                </td>
                <td>{r.startedAt ? formatDateTime(r.startedAt) : ''}</td>
                <td>
                  <code>{r.newIndex}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={confirm}
        title={`Replay the ${projection} projection?`}
        confirmLabel="Replay"
        busy={busy}
        onConfirm={() => void start()}
        onCancel={() => setConfirm(false)}
      >
        <p>Every event of the store is folded into a fresh index. The current one keeps serving until the new one is complete.</p>
      </ConfirmDialog>
    </section>
  );
}

function RebuildProgress({ status, onCancel }: { status: RebuildStatus; onCancel: () => void }) {
  const pct = percent(status);
  return (
    <div className="card rebuild-progress" data-rebuild={status.id} aria-live="polite">
      <div className="page-head">
        <strong>
          {isFinished(status) ? 'Replay of' : 'Replaying'} <code>{status.projection}</code> · <span className="rebuild-phase">{phaseLabel[status.phase] ?? status.phase}</span>
        </strong>
        {!isFinished(status) && (
          <button type="button" className="btn btn-small btn-danger" disabled={status.phase !== 'BUILDING'} onClick={onCancel}>
            Cancel replay
          </button>
        )}
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={`Replay of ${status.projection}`}
        aria-valuemin={0}
        aria-valuemax={status.eventsTotal}
        aria-valuenow={Math.min(status.eventsDone, status.eventsTotal)}
        aria-valuetext={progressText(status)}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      {status.error && (
        <div className="alert alert-error" role="alert">
          {status.error}
        </div>
      )}
      <dl className="rebuild-figures">
        <div>
          <dt>Events</dt>
          <dd className="rebuild-events">{progressText(status)}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd className="rebuild-rate">{formatRate(status.eventsPerSecond)}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd className="rebuild-eta">{isFinished(status) ? '—' : formatDuration(status.etaSeconds)}</dd>
        </div>
        {!!status.skippedEvents && (
          <div>
            <dt>Skipped</dt>
            <dd>{status.skippedEvents}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
