import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog, ErrorNote } from '../components/Confirm';
import { formatDateTime } from '../components/ModelCard';
import { describeError, type ReviewQueueItem } from '../lib/api';
import { useHub } from '../lib/auth';
import { renderMarkdown } from '../lib/markdown';
import { Permission } from '../lib/permissions';
import type { ModelDetail } from '../lib/types';
import { LoginRequired } from './LoginRequired';

export function ReviewQueue() {
  const { session, can, api } = useHub();
  const [items, setItems] = useState<ReviewQueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]);

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
      <p className="muted">Pending submissions, oldest first. Rejections need feedback: the owner sees it on the model's page.</p>
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
        {items?.map((item) => (
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
  const readme = useMemo(() => renderMarkdown(detail?.readme), [detail?.readme]);
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
          {detail && (
            <div className="review-split">
              <div>
                <h3>Definition</h3>
                <pre className="json small">
                  <code>{JSON.stringify(detail.definition, null, 2)}</code>
                </pre>
              </div>
              <div>
                <h3>README</h3>
                <article className="markdown small" dangerouslySetInnerHTML={{ __html: readme }} />
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
                  onChange={(e) => setFeedback(e.target.value)}
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
