import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog, ErrorNote } from '../components/Confirm';
import { formatDateTime } from '../components/ModelCard';
import { describeError, type ReviewQueueItem } from '../lib/api';
import { useHub } from '../lib/auth';
import { renderMarkdown } from '../lib/markdown';
import { Permission } from '../lib/permissions';
import type { ModelDetail } from '../lib/types';
import { lineDiff, withContext } from '../lib/diff';
import { ALL_QUEUE, submitterOf, viewQueue, type QueueView } from '../lib/queueView';
import { LoginRequired } from './LoginRequired';

export function ReviewQueue() {
  const { session, can, api } = useHub();
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const [view, setView] = useState<QueueView>(ALL_QUEUE);
  const shown = useMemo(() => (items ? viewQueue(items, view) : null), [items, view]);
  const submitters = useMemo(() => [...new Set((items ?? []).map(submitterOf).filter(Boolean))].sort(), [items]);
  const types = useMemo(() => [...new Set((items ?? []).map((i) => i.modelType).filter((t): t is string => !!t))].sort(), [items]);

  useEffect(() => {
    if (!session || !can(Permission.REVIEW_LIST)) return;
    api
      .reviewQueue()
      .then(setItems)
      .catch((e) => setError(describeError(e)));
  }, [api, session, can]);

  if (!session) return <LoginRequired what="review submissions" />;
  if (!can(Permission.REVIEW_LIST))
    return (
      <div className="page narrow">
        <h1>Review queue</h1>
        <p>You need the review permission to see the queue.</p>
      </div>
    );

  return (
    <div className="page">
      <h1>Review queue</h1>
      <p className="muted">Pending submissions. Rejections need feedback: the owner sees it on the model's page.</p>
      {items && items.length > 0 && (
        <form className="card filters-bar queue-filters" role="search" aria-label="Search and filter the queue" onSubmit={(e) => e.preventDefault()}>
          <label className="field">
            <span className="field-label">Search</span>
            <input type="search" value={view.q} placeholder="model or submitter" onChange={(e) => setView({ ...view, q: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Type</span>
            <select value={view.type} onChange={(e) => setView({ ...view, type: e.target.value })}>
              <option value="">Any type</option>
              {types.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Visibility</span>
            <select value={view.visibility} onChange={(e) => setView({ ...view, visibility: e.target.value })}>
              <option value="">Public or enterprise</option>
              <option value="PUBLIC">Public</option>
              <option value="ENTERPRISE">Enterprise</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Submitter</span>
            <select value={view.submitter} onChange={(e) => setView({ ...view, submitter: e.target.value })}>
              <option value="">Anyone</option>
              {submitters.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Waiting</span>
            <select value={view.minAgeDays} onChange={(e) => setView({ ...view, minAgeDays: e.target.value })}>
              <option value="">Any time</option>
              <option value="1">1 day or more</option>
              <option value="7">a week or more</option>
              <option value="30">a month or more</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">Order</span>
            <select value={view.sort} onChange={(e) => setView({ ...view, sort: e.target.value as QueueView['sort'] })}>
              <option value="oldest">Oldest first</option>
              <option value="newest">Newest first</option>
              <option value="name">Name</option>
            </select>
          </label>
        </form>
      )}
      {items && shown && items.length > 0 && (
        <p className="muted" role="status">
          {shown.length === items.length ? `${items.length} waiting` : `${shown.length} of ${items.length} shown`}
        </p>
      )}
      {items && shown && items.length > 0 && shown.length === 0 && (
        <div className="card empty-state">
          <p>No submission matches. <button type="button" className="linklike" onClick={() => setView(ALL_QUEUE)}>Show all</button></p>
        </div>
      )}
      {done.map((d) => (
        <div key={d} className="alert alert-ok" role="status">
          {d}
        </div>
      ))}
      <ErrorNote error={error} />
      {items === null && !error && <p className="muted">Loading…</p>}
      {items && items.length === 0 && (
        <div className="card empty-state">
          <p>Nothing to review. 🎉</p>
        </div>
      )}
      <ul className="queue">
        {shown?.map((item) => (
          <QueueItem
            key={`${item.modelId}-${item.round ?? ''}`}
            item={item}
            canDecide={can(Permission.REVIEW_DECIDE)}
            onDecided={(message) => {
              setDone((d) => [...d, message]);
              setItems((old) => (old ?? []).filter((x) => x !== item));
            }}
          />
        ))}
      </ul>
    </div>
  );
}

function who(p: unknown): string {
  if (!p) return '';
  if (typeof p === 'string') return p;
  const o = p as { username?: string; subject?: string };
  return o.username ?? o.subject ?? '';
}

function QueueItem({ item, canDecide, onDecided }: { item: ReviewQueueItem; canDecide: boolean; onDecided: (m: string) => void }) {
  const { api } = useHub();
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState<ModelDetail | null>(null);
  const [feedback, setFeedback] = useState('');
  const [feedbackError, setFeedbackError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'approve' | 'reject' | null>(null);
  const [busy, setBusy] = useState(false);
  const submittedReadme = item.readme ?? detail?.readme;
  const submittedDefinition = item.definition ?? detail?.definition;
  const readme = useMemo(() => renderMarkdown(submittedReadme), [submittedReadme]);
  const previous = (detail?.reviewRounds ?? []).filter((r) => r.decision && r.feedback).sort((a, b) => b.round - a.round)[0];

  useEffect(() => {
    if (!open || detail) return;
    api
      .modelByName(item.modelName)
      .then(setDetail)
      .catch((e) => setError(describeError(e)));
  }, [open, detail, api, item.modelName]);

  const decide = async () => {
    setBusy(true);
    setError(null);
    try {
      if (confirm === 'approve') {
        await api.approve(item.modelId, detail?.version);
        onDecided(`${item.modelName} approved.`);
      } else {
        await api.reject(item.modelId, feedback.trim(), detail?.version);
        onDecided(`${item.modelName} rejected; the owner can see your feedback.`);
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  const askReject = () => {
    if (!feedback.trim()) {
      setFeedbackError('Tell the owner what to change: feedback is required to reject.');
      return;
    }
    setFeedbackError(null);
    setConfirm('reject');
  };

  const owner = who(item.owner) || who(item.submitter);
  return (
    <li className="card queue-item" data-model-name={item.modelName}>
      <div className="queue-head">
        <div>
          <Link className="model-name" to={`/models/detail/${encodeURIComponent(item.modelName)}`}>
            {item.modelName}
          </Link>{' '}
          {item.modelType && <span className="chip chip-type">{item.modelType}</span>}
          {item.visibility && <span className="chip">{String(item.visibility).toLowerCase()}</span>}
          <div className="muted">
            {item.round ? `Round ${item.round} · ` : ''}submitted {formatDateTime(item.submittedAt)}
            {owner && ` by ${owner}`}
          </div>
        </div>
        <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide' : 'Review'}
        </button>
      </div>
      {open && (
        <div className="queue-body">
          {!detail && !error && <p className="muted">Loading the submission…</p>}
          {previous && (
            <div className="alert alert-info">
              Round {previous.round} was {previous.decision?.toLowerCase()} with: “{previous.feedback}”
            </div>
          )}
          <Changes item={item} />
          {submittedDefinition != null && (
            <div className="review-split">
              <div>
                <h2 className="h3">Definition</h2>
                <pre className="json small" tabIndex={0} aria-label="Submitted definition">
                  <code>{JSON.stringify(submittedDefinition, null, 2)}</code>
                </pre>
              </div>
              <div>
                <h2 className="h3">README</h2>
                <article className="markdown small" tabIndex={0} aria-label="Submitted README" dangerouslySetInnerHTML={{ __html: readme }} />
              </div>
            </div>
          )}
          {canDecide ? (
            <div className="decision">
              <label className="field">
                <span className="field-label">Feedback for the owner (required to reject)</span>
                <textarea
                  name="feedback"
                  rows={3}
                  value={feedback}
                  aria-invalid={!!feedbackError}
                  aria-describedby={`fb-${item.modelId}`}
                  onChange={(e) => {
                    setFeedback(e.target.value);
                    if (e.target.value.trim()) setFeedbackError(null);
                  }}
                />
                <span id={`fb-${item.modelId}`} className="field-error" role={feedbackError ? 'alert' : undefined}>
                  {feedbackError}
                </span>
              </label>
              <div className="actions">
                <button type="button" className="btn btn-danger" onClick={askReject}>
                  Reject
                </button>
                <button type="button" className="btn btn-primary" onClick={() => setConfirm('approve')}>
                  Approve
                </button>
              </div>
            </div>
          ) : (
            <p className="muted">You can see the queue but not decide.</p>
          )}
          <ErrorNote error={error} />
        </div>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'approve' ? `Approve ${item.modelName}?` : `Reject ${item.modelName}?`}
        confirmLabel={confirm === 'approve' ? 'Approve' : 'Reject'}
        danger={confirm === 'reject'}
        busy={busy}
        onConfirm={() => void decide()}
        onCancel={() => setConfirm(null)}
      >
        {confirm === 'approve' ? (
          <p>It becomes visible to everyone it is meant for and is served to Xinference.</p>
        ) : (
          <>
            <p>The owner will see this feedback:</p>
            <blockquote className="feedback">{feedback}</blockquote>
          </>
        )}
      </ConfirmDialog>
    </li>
  );
}

function Changes({ item }: { item: ReviewQueueItem }) {
  const definitionDiff = useMemo(() => {
    if (item.firstSubmission || item.lastApprovedDefinition == null || item.definition == null) return null;
    return withContext(lineDiff(JSON.stringify(item.lastApprovedDefinition, null, 2), JSON.stringify(item.definition, null, 2)));
  }, [item]);
  const readmeDiff = useMemo(() => {
    if (item.firstSubmission || !item.readmeChanged) return null;
    return withContext(lineDiff(item.lastApprovedReadme ?? '', item.readme ?? ''));
  }, [item]);
  if (item.firstSubmission) {
    return <p className="muted">First submission: nothing approved yet to compare with.</p>;
  }
  if (item.firstSubmission === undefined && !item.changedPaths) return null;
  const paths = item.changedPaths ?? [];
  return (
    <section className="changes" aria-label="What changed since the last approval">
      <h2 className="h3">What changed since the last approval</h2>
      {paths.length === 0 && !item.readmeChanged && <p className="muted">Nothing changed.</p>}
      {paths.length > 0 && (
        <div className="chips">
          {paths.map((p) => (
            <code className="chip" key={p}>
              {p}
            </code>
          ))}
        </div>
      )}
      {definitionDiff && definitionDiff.some((l) => l && l.kind !== ' ') && <Diff lines={definitionDiff} label="Definition diff" />}
      {readmeDiff && <Diff lines={readmeDiff} label="README diff" />}
    </section>
  );
}

function Diff({ lines, label }: { lines: ReturnType<typeof withContext>; label: string }) {
  return (
    <pre className="diff" aria-label={label} tabIndex={0}>
      {lines.map((l, i) =>
        l === null ? (
          <div key={i} className="diff-gap">
            …
          </div>
        ) : (
          <div key={i} className={l.kind === '+' ? 'diff-add' : l.kind === '-' ? 'diff-del' : undefined}>
            <span aria-hidden="true">{l.kind} </span>
            <span className="sr-only">{l.kind === '+' ? 'added: ' : l.kind === '-' ? 'removed: ' : ''}</span>
            {l.text}
          </div>
        ),
      )}
    </pre>
  );
}
