import { useCallback, useEffect, useState } from 'react';
import { statusLabel } from '../components/Badges';
import { BarChart } from '../components/BarChart';
import { ConfirmDialog, ErrorNote } from '../components/Confirm';
import { describeError, type ProjectionStatus } from '../lib/api';
import { useHub } from '../lib/auth';
import { Permission } from '../lib/permissions';
import type { Facets } from '../lib/types';
import { reviewStats, type DayStats } from '../lib/reviewStats';
import { LoginRequired } from './LoginRequired';
import { Rebuilds } from '../components/Rebuilds';

/** Admin dashboard: the catalogue at a glance, projection processors and their dead letters. */
export function Admin() {
  const { session, can, api } = useHub();
  const [facets, setFacets] = useState<Facets | null>(null);
  const [total, setTotal] = useState<number | undefined>();
  const [projections, setProjections] = useState<ProjectionStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [retry, setRetry] = useState<string | null>(null);
  const [discard, setDiscard] = useState<{ group: string; modelId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = can(Permission.ADMIN);
  const [reviews, setReviews] = useState<DayStats[] | null>(null);

  const load = useCallback(() => {
    api
      .search({ size: '1' })
      .then((page) => {
        setFacets(page.facets ?? {});
        setTotal(page.total);
      })
      .catch((e) => setError(describeError(e)));
    api
      .projections()
      .then(setProjections)
      .catch((e) => setError(describeError(e)));
    // review throughput and time to decision, from the audit trail's last few hundred review events
    const since = new Date(Date.now() - 30 * 86_400_000).toISOString();
    Promise.all(
      ['ModelRegistered', 'ModelSubmittedForReview', 'ModelApproved', 'ModelRejected'].map((action) =>
        api.auditTrail({ action, from: since, size: '100' }).then((p) => p.items ?? []),
      ),
    )
      .then((lists) => setReviews(reviewStats(lists.flat())))
      .catch(() => setReviews([]));
  }, [api]);

  useEffect(() => {
    if (!session || !allowed) return;
    load();
    const timer = setInterval(() => api.projections().then(setProjections).catch(() => undefined), 5000);
    return () => clearInterval(timer);
  }, [session, allowed, load, api]);

  if (!session) return <LoginRequired what="administer the hub" />;
  if (!allowed)
    return (
      <div className="page narrow">
        <h1>Administration</h1>
        <p>You need the admin permission for this page.</p>
      </div>
    );

  const doRetry = async () => {
    if (!retry) return;
    setBusy(true);
    try {
      const r = await api.retryDeadLetters(retry);
      setNotice(`${r.group}: ${r.sequencesApplied} sequence(s) applied, ${r.stillParked} still parked.`);
      load();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      setRetry(null);
    }
  };

  const doDiscard = async () => {
    if (!discard) return;
    setBusy(true);
    try {
      const r = await api.discardDeadLetters(discard.group, discard.modelId);
      setNotice(`${r.group}: ${r.discarded} parked event(s) of ${r.modelId} discarded.`);
      load();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      setDiscard(null);
    }
  };

  return (
    <div className="page">
      <h1>Administration</h1>
      <ErrorNote error={error} />
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}
      <section aria-labelledby="catalogue-title">
        <h2 id="catalogue-title">Catalogue{total !== undefined ? ` · ${total} models` : ''}</h2>
        {facets ? (
          <div className="charts">
            <BarChart title="Models per type" data={facets.type ?? {}} />
            <BarChart title="Models per status" data={facets.status ?? {}} labels={statusLabel} />
            <BarChart title="Models per visibility" data={facets.visibility ?? {}} labels={(k) => k.charAt(0) + k.slice(1).toLowerCase()} />
          </div>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </section>
      <section aria-labelledby="reviews-title">
        <h2 id="reviews-title">Reviews, last 30 days</h2>
        {reviews === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <div className="charts">
            <BarChart byKey title="Decisions per day" data={Object.fromEntries(reviews.map((d) => [d.day, d.approved + d.rejected]))} />
            <BarChart byKey title="Rejected per day" data={Object.fromEntries(reviews.map((d) => [d.day, d.rejected]))} />
            <TimeToDecision days={reviews} />
          </div>
        )}
      </section>
      <section aria-labelledby="proj-title">
        <h2 id="proj-title">Projections</h2>
        {projections === null ? (
          <p className="muted">Loading…</p>
        ) : (
          <table className="table projections">
            <thead>
              <tr>
                <th scope="col">Processing group</th>
                <th scope="col">State</th>
                <th scope="col">Parked sequences</th>
                <th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {projections.map((p) => (
                <tr key={p.group}>
                  <td>
                    <code>{p.group}</code>
                    {p.parked.length > 0 && (
                      <details>
                        <summary>{p.parked.length} parked event(s)</summary>
                        <ul className="parked">
                          {p.parked.map((e) => (
                            <li key={e.eventId}>
                              <code>{e.payloadType}</code> {e.aggregateId}#{e.sequence} — {e.cause}{' '}
                              {e.aggregateId && (
                                <button
                                  type="button"
                                  className="btn btn-small btn-danger"
                                  onClick={() => setDiscard({ group: p.group, modelId: e.aggregateId! })}
                                >
                                  Discard
                                </button>
                              )}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td>
                    <span className={`badge ${p.error ? 'status-rejected' : p.running ? 'status-approved' : 'status-draft'}`}>
                      {p.error ? 'Error' : p.running ? 'Running' : 'Stopped'}
                    </span>
                  </td>
                  <td>{p.parkedSequences}</td>
                  <td>
                    <button type="button" className="btn btn-small" disabled={p.parkedSequences === 0} onClick={() => setRetry(p.group)}>
                      Retry dead letters
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <Rebuilds />
      <ConfirmDialog
        open={discard !== null}
        title={`Discard the parked events of ${discard?.modelId ?? ''}?`}
        confirmLabel="Discard"
        danger
        busy={busy}
        onConfirm={() => void doDiscard()}
        onCancel={() => setDiscard(null)}
      >
        <p>
          Every parked event of this model in <code>{discard?.group}</code> is dropped and will never be applied. Its read document stays as it is
          until its next event or a replay.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={retry !== null}
        title={`Retry the dead letters of ${retry}?`}
        confirmLabel="Retry"
        busy={busy}
        onConfirm={() => void doRetry()}
        onCancel={() => setRetry(null)}
      >
        <p>Each parked sequence is applied again in order; a sequence that fails again stays parked.</p>
      </ConfirmDialog>
    </div>
  );
}

function TimeToDecision({ days }: { days: DayStats[] }) {
  const known = days.filter((d) => d.meanHoursToDecision !== null);
  const minutes = known.every((d) => d.meanHoursToDecision! < 2);
  const data = Object.fromEntries(
    known.map((d) => [d.day, minutes ? Math.round(d.meanHoursToDecision! * 60) : Math.round(d.meanHoursToDecision! * 10) / 10]),
  );
  return <BarChart byKey title={minutes ? 'Mean minutes to decision' : 'Mean hours to decision'} data={data} />;
}
