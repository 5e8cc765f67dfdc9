import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { tabListKeys } from '../lib/tabs';
import { ModelStateBadges, StatusBadge } from '../components/Badges';
import { LaunchCommand } from '../components/LaunchCommand';
import { ConfirmDialog, ErrorNote } from '../components/Confirm';
import { JsonEditor, useLiveValidation } from '../components/JsonEditor';
import { formatDate, formatDateTime } from '../components/ModelCard';
import { ReadmeEditor } from '../components/ReadmeEditor';
import { accessTo } from '../lib/access';
import { ApiError, describeError } from '../lib/api';
import { useHub } from '../lib/auth';
import { renderMarkdown } from '../lib/markdown';
import { Permission } from '../lib/permissions';
import type { ChangeResult, ModelDetail, ReviewRound } from '../lib/types';

type Tab = 'readme' | 'definition' | 'review' | 'settings';

export function ModelDetailPage() {
  const { name = '' } = useParams();
  const { api, session, login, can } = useHub();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [model, setModel] = useState<ModelDetail | null>(null);
  const [error, setError] = useState<{ status?: number; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tab = (params.get('tab') as Tab) || 'readme';

  const load = useCallback(
    (minVersion?: number) => {
      setError(null);
      return api
        .modelByName(name, minVersion)
        .then((m) => setModel(m))
        .catch((e) => {
          setModel(null);
          setError({ status: e instanceof ApiError ? e.status : undefined, message: describeError(e) });
        });
    },
    [api, name],
  );

  useEffect(() => {
    const raw = params.get('minVersion');
    // 0 is a real version (the registration), not "none"
    const mv = raw !== null && raw !== '' && Number.isInteger(Number(raw)) ? Number(raw) : undefined;
    void load(mv);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  const access = useMemo(() => (model ? accessTo(model, session) : null), [model, session]);

  const changed = (result: ChangeResult, message: string) => {
    setNotice(message);
    if (result.status === 'DELETED') {
      navigate('/my-models', { state: { notice: `${result.modelName} was deleted.` } });
      return Promise.resolve();
    }
    return load(result.version);
  };

  const setTab = (t: Tab) => {
    const next = new URLSearchParams(params);
    if (t === 'readme') next.delete('tab');
    else next.set('tab', t);
    next.delete('minVersion');
    setParams(next, { replace: true });
  };

  if (error) {
    const hidden = error.status === 404 || error.status === 403;
    return (
      <div className="page narrow">
        <h1>{name}</h1>
        <div className="alert alert-error" role="alert">
          {hidden ? `No model named “${name}” that you can see.` : error.message}
        </div>
        {hidden && !session && (
          <p>
            Private and enterprise models are only visible to signed-in users with access.{' '}
            <button type="button" className="btn btn-primary" onClick={() => void login()}>
              Log in
            </button>
          </p>
        )}
        <Link to="/">← Back to all models</Link>
      </div>
    );
  }
  if (!model) return <p className="muted page">Loading {name}…</p>;

  const tabs: { id: Tab; label: string }[] = [
    { id: 'readme', label: 'README' },
    { id: 'definition', label: 'Definition' },
    { id: 'review', label: 'Review status' },
  ];
  if (access?.any || access?.owner) tabs.push({ id: 'settings', label: 'Settings' });
  const activeTab = tabs.some((t) => t.id === tab) ? tab : 'readme';

  return (
    <div className="page detail">
      <nav className="crumbs" aria-label="Breadcrumb">
        <Link to="/">Models</Link> / <Link to={`/?type=${model.modelType}`}>{model.modelType}</Link> / <span>{model.modelName}</span>
      </nav>
      <header className="detail-head">
        <div>
          <h1>{model.modelName}</h1>
          {model.description && <p className="model-desc">{model.description}</p>}
          <div className="chips">
            <span className="chip chip-type">{model.modelType}</span>
            <ModelStateBadges visibility={model.visibility} status={model.status} />
            {(model.abilities ?? []).map((a) => (
              <span className="chip" key={a}>
                {a}
              </span>
            ))}
          </div>
        </div>
        <dl className="facts">
          {model.owner?.username && (
            <>
              <dt>Owner</dt>
              <dd>{model.owner.username}</dd>
            </>
          )}
          {model.languages && model.languages.length > 0 && (
            <>
              <dt>Languages</dt>
              <dd>{model.languages.join(', ')}</dd>
            </>
          )}
          {model.formats && model.formats.length > 0 && (
            <>
              <dt>Formats</dt>
              <dd>{model.formats.join(', ')}</dd>
            </>
          )}
          {model.sizesInBillions && model.sizesInBillions.length > 0 && (
            <>
              <dt>Sizes</dt>
              <dd>{model.sizesInBillions.join(', ')} B</dd>
            </>
          )}
          <dt>Updated</dt>
          <dd>{formatDate(model.updatedAt)}</dd>
          {model.expiresAt && model.status !== 'EXPIRED' && new Date(model.expiresAt).getTime() > Date.now() && (
            <>
              <dt>Expires</dt>
              <dd>{formatDateTime(model.expiresAt)}</dd>
            </>
          )}
          {model.status === 'EXPIRED' && (
            <>
              <dt>Expired</dt>
              <dd>no longer offered to Xinference</dd>
            </>
          )}
          <dt>Changes</dt>
          <dd>{changesLabel(model.version)}</dd>
          {(can(Permission.AUDIT_READ) || can(Permission.ADMIN)) && (
            <>
              <dt>Audit</dt>
              <dd>
                <Link to={`/audit?modelId=${encodeURIComponent(model.modelId)}`}>Timeline</Link>
              </dd>
            </>
          )}
        </dl>
      </header>
      {model.stale && (
        <div className="alert alert-info" role="status">
          Your latest change is still being indexed; this page may be a moment behind. <button className="linklike" onClick={() => void load(model.version)}>Refresh</button>
        </div>
      )}
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}

      <div className="tabs" role="tablist" aria-label="Model sections" onKeyDown={tabListKeys}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={activeTab === t.id}
            tabIndex={activeTab === t.id ? 0 : -1}
            aria-controls={`panel-${t.id}`}
            className={`tab ${activeTab === t.id ? 'active' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <section className="panel" role="tabpanel" id={`panel-${activeTab}`} aria-labelledby={`tab-${activeTab}`}>
        {activeTab === 'readme' && (
          <>
            <LaunchCommand modelName={model.modelName} modelType={model.modelType} definition={model.definition} />
            <Readme markdown={model.readme} />
          </>
        )}
        {activeTab === 'definition' && <Definition model={model} />}
        {activeTab === 'review' && <ReviewStatus model={model} canSubmit={!!access?.submit} onChanged={changed} />}
        {activeTab === 'settings' && access && <Settings model={model} access={access} onChanged={changed} onReload={() => load()} />}
      </section>
    </div>
  );
}

/** Event versions start at 0 (the registration): say it in words, not "Version 0". */
export function changesLabel(version?: number): string {
  if (version === undefined || version === null) return '';
  if (version <= 0) return 'as registered, no changes since';
  return version === 1 ? '1 change since registration' : `${version} changes since registration`;
}

function Readme({ markdown }: { markdown?: string | null }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  if (!markdown?.trim()) return <p className="muted">This model has no README yet.</p>;
  return <article className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Definition({ model }: { model: ModelDetail }) {
  const json = JSON.stringify(model.definition, null, 2);
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <div className="panel-actions">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            void navigator.clipboard?.writeText(json).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy JSON'}
        </button>
        {model.compatibility != null && <span className="muted">Compatibility: {compat(model.compatibility)}</span>}
      </div>
      <PullRequests items={model.pullRequests ?? []} />
      <pre className="json" tabIndex={0} aria-label="Model definition JSON">
        <code>{json}</code>
      </pre>
    </div>
  );
}

function PullRequests({ items }: { items: unknown[] }) {
  if (items.length === 0) return null;
  return (
    <div className="pull-requests">
      <h3>Pull requests to xorbitsai/inference</h3>
      <ul>
        {items.map((raw, i) => {
          const pr = (raw ?? {}) as Record<string, unknown>;
          const url = (pr.url ?? pr.htmlUrl ?? pr.html_url) as string | undefined;
          const title = (pr.title as string) ?? (pr.number ? `#${String(pr.number)}` : 'Pull request');
          const state = (pr.state ?? pr.status) as string | undefined;
          return (
            <li key={i}>
              {url && /^https:\/\//.test(url) ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {title}
                </a>
              ) : (
                title
              )}
              {state && <span className="badge">{String(state).toLowerCase()}</span>}
              {typeof pr.failure === 'string' && <span className="muted"> — {pr.failure}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function compat(c: unknown): string {
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object') {
    const o = c as { minimumClientVersion?: string; newerClientFeatures?: string[] };
    if (o.minimumClientVersion) {
      const features = o.newerClientFeatures ?? [];
      return `loads on Xinference ≥ ${o.minimumClientVersion}` + (features.length ? ` (newer-client features at ${features.join(', ')})` : '');
    }
    return JSON.stringify(c);
  }
  return String(c);
}

function person(p: unknown): string {
  if (!p) return '';
  if (typeof p === 'string') return p;
  const o = p as { username?: string; subject?: string };
  return o.username ?? o.subject ?? '';
}

function ReviewStatus({
  model,
  canSubmit,
  onChanged,
}: {
  model: ModelDetail;
  canSubmit: boolean;
  onChanged: (r: ChangeResult, message: string) => Promise<void>;
}) {
  const { api } = useHub();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'submit' | 'withdraw' | null>(null);
  const rounds: ReviewRound[] = [...(model.reviewRounds ?? [])].sort((a, b) => b.round - a.round);
  const canResubmit = canSubmit && (model.status === 'DRAFT' || model.status === 'REJECTED');
  const canWithdraw = canSubmit && model.status === 'PENDING_REVIEW';

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      if (confirm === 'submit') await onChanged(await api.submit(model.modelId, model.version!), 'Submitted for review.');
      else if (confirm === 'withdraw') await onChanged(await api.withdraw(model.modelId, model.version!), 'Submission withdrawn.');
      setConfirm(null);
    } catch (e) {
      setError(describeError(e));
      setConfirm(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="review-status">
      <p>
        Current status: <StatusBadge status={model.status} />
      </p>
      {(canResubmit || canWithdraw) && (
        <div className="panel-actions">
          {canResubmit && (
            <button type="button" className="btn btn-primary" onClick={() => setConfirm('submit')}>
              {model.status === 'REJECTED' ? 'Resubmit for review' : 'Submit for review'}
            </button>
          )}
          {canWithdraw && (
            <button type="button" className="btn" onClick={() => setConfirm('withdraw')}>
              Withdraw submission
            </button>
          )}
        </div>
      )}
      <ErrorNote error={error} />
      {rounds.length === 0 ? (
        <p className="muted">This model has never been submitted for review.</p>
      ) : (
        <ol className="rounds">
          {rounds.map((r) => (
            <li key={r.round} className={`round decision-${(r.decision ?? 'open').toLowerCase()}`}>
              <div className="round-head">
                <strong>Round {r.round}</strong>
                <span className="badge">{r.decision ? r.decision.charAt(0) + r.decision.slice(1).toLowerCase() : 'Waiting for a reviewer'}</span>
              </div>
              <div className="muted">
                Submitted {formatDateTime(r.submittedAt)}
                {person(r.submitter) && ` by ${person(r.submitter)}`}
                {r.decidedAt && ` · decided ${formatDateTime(r.decidedAt)}`}
                {person(r.reviewer) && ` by ${person(r.reviewer)}`}
              </div>
              {r.feedback && (
                <blockquote className="feedback">
                  <span className="sr-only">Reviewer feedback: </span>
                  {r.feedback}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'submit' ? 'Submit for review?' : 'Withdraw the submission?'}
        confirmLabel={confirm === 'submit' ? 'Submit' : 'Withdraw'}
        busy={busy}
        onConfirm={() => void run()}
        onCancel={() => setConfirm(null)}
      >
        {confirm === 'submit'
          ? 'A reviewer will check the definition and README. Once approved, everyone can see and download it.'
          : 'The model goes back to draft; you can submit it again later.'}
      </ConfirmDialog>
    </div>
  );
}

type Action = { kind: 'definition' | 'readme' | 'expiration' | 'clear-expiration' | 'expire' | 'delete' };

function Settings({
  model,
  access,
  onChanged,
  onReload,
}: {
  model: ModelDetail;
  access: ReturnType<typeof accessTo>;
  onChanged: (r: ChangeResult, message: string) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { api } = useHub();
  const original = useMemo(() => JSON.stringify(model.definition, null, 2), [model.definition]);
  const [text, setText] = useState(original);
  const [readme, setReadme] = useState(model.readme ?? '');
  const [expiresAt, setExpiresAt] = useState(toLocalInput(model.expiresAt));
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [conflict, setConflict] = useState(false);
  const [deleteName, setDeleteName] = useState('');
  const validation = useLiveValidation(model.modelType, text);

  useEffect(() => setText(original), [original]);
  useEffect(() => setReadme(model.readme ?? ''), [model.readme]);
  useEffect(() => setExpiresAt(toLocalInput(model.expiresAt)), [model.expiresAt]);

  const section = (kind: Action['kind']) => (kind === 'clear-expiration' || kind === 'expire' ? 'expiration' : kind);

  const run = async () => {
    if (!action) return;
    const v = model.version!;
    setBusy(true);
    setErrors({});
    setConflict(false);
    try {
      switch (action.kind) {
        case 'definition':
          await onChanged(await api.updateDefinition(model.modelId, validation.analysis.value, v), 'Definition saved.');
          break;
        case 'readme':
          await onChanged(await api.updateReadme(model.modelId, readme, v), 'README saved.');
          break;
        case 'expiration':
          await onChanged(await api.setExpiration(model.modelId, new Date(expiresAt).toISOString(), v), 'Expiration date set.');
          break;
        case 'clear-expiration':
          await onChanged(await api.setExpiration(model.modelId, null, v), 'Expiration date cleared.');
          break;
        case 'expire':
          await onChanged(await api.expireNow(model.modelId, v), 'The model has expired: it is no longer served to Xinference.');
          break;
        case 'delete':
          await onChanged(await api.remove(model.modelId, v), 'Deleted.');
          break;
      }
      setAction(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) setConflict(true);
      let message = describeError(e);
      if (e instanceof ApiError && e.problem.errors?.length) {
        message += ' ' + e.problem.errors.map((x) => `${x.pointer ?? ''} ${x.message}`.trim()).join('; ');
      }
      setErrors({ [section(action.kind)]: message });
      setAction(null);
    } finally {
      setBusy(false);
    }
  };

  const confirmText: Record<Action['kind'], { title: string; label: string; body: string; danger?: boolean }> = {
    definition: {
      title: 'Save the definition?',
      label: 'Save definition',
      body:
        model.visibility === 'PUBLIC'
          ? 'Xinference servers get the new definition at their next update. A pull request to xorbitsai/inference is opened automatically.'
          : 'The new definition replaces the current one.',
    },
    readme: { title: 'Save the README?', label: 'Save README', body: 'The README shown on this page is replaced.' },
    expiration: {
      title: 'Set the expiration date?',
      label: 'Set date',
      body: `From ${expiresAt ? formatDateTime(new Date(expiresAt).toISOString()) : '—'} the model is no longer served to Xinference.`,
    },
    'clear-expiration': { title: 'Clear the expiration date?', label: 'Clear date', body: 'The model will not expire.' },
    expire: {
      title: 'Expire this model now?',
      label: 'Expire now',
      danger: true,
      body: 'Xinference servers stop receiving it at their next update. It stays visible here as expired.',
    },
    delete: {
      title: `Delete ${model.modelName}?`,
      label: 'Delete for good',
      danger: true,
      body: 'The model disappears from the hub and from every Xinference update. This cannot be undone.',
    },
  };

  const dirty = text !== original;
  const closed = model.status === 'DELETED' || model.status === 'EXPIRED';

  return (
    <div className="settings">
      {conflict && (
        <div className="alert alert-warn" role="alert">
          <strong>Conflict:</strong> this model changed (version {model.version} was the one you loaded) after you opened it, so your change
          was refused rather than overwriting someone else's. Your edits are still in the form.{' '}
          <button type="button" className="btn btn-small" onClick={() => void onReload()}>
            Load the latest version
          </button>
        </div>
      )}
      {access.update && !closed && (
        <section className="settings-section" aria-labelledby="s-def">
          <h2 id="s-def">Definition</h2>
          <JsonEditor id="edit-definition" label="Model definition (JSON)" value={text} onChange={setText} validation={validation} />
          <ErrorNote error={errors.definition} />
          <div className="actions">
            <button type="button" className="btn" disabled={!dirty} onClick={() => setText(original)}>
              Discard changes
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!dirty || validation.valid === false || !!validation.analysis.syntaxError}
              onClick={() => setAction({ kind: 'definition' })}
            >
              Save definition
            </button>
          </div>
        </section>
      )}
      {access.update && !closed && (
        <section className="settings-section" aria-labelledby="s-readme">
          <h2 id="s-readme">README</h2>
          <ReadmeEditor id="edit-readme" value={readme} onChange={setReadme} definition={validation.analysis.value ?? model.definition} modelType={model.modelType} />
          <ErrorNote error={errors.readme} />
          <div className="actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={readme === (model.readme ?? '')}
              onClick={() => setAction({ kind: 'readme' })}
            >
              Save README
            </button>
          </div>
        </section>
      )}
      {access.expire && !closed && (
        <section className="settings-section" aria-labelledby="s-exp">
          <h2 id="s-exp">Expiration</h2>
          <p className="muted">
            {model.expiresAt ? `Expires ${formatDateTime(model.expiresAt)}.` : 'No expiration date.'} An expired model stays here but is no
            longer served to Xinference.
          </p>
          <div className="inline-form">
            <label htmlFor="expires-at">Expiration date</label>
            <input id="expires-at" type="datetime-local" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
            <button type="button" className="btn" disabled={!expiresAt} onClick={() => setAction({ kind: 'expiration' })}>
              Set date
            </button>
            {model.expiresAt && (
              <button type="button" className="btn" onClick={() => setAction({ kind: 'clear-expiration' })}>
                Clear date
              </button>
            )}
            <button type="button" className="btn btn-danger" onClick={() => setAction({ kind: 'expire' })}>
              Expire now
            </button>
          </div>
          <ErrorNote error={errors.expiration} />
        </section>
      )}
      {access.remove && model.status !== 'DELETED' && (
        <section className="settings-section danger-zone" aria-labelledby="s-del">
          <h2 id="s-del">Delete</h2>
          <p className="muted">Removes the model from the hub and from Xinference updates.</p>
          <button type="button" className="btn btn-danger" onClick={() => setAction({ kind: 'delete' })}>
            Delete model…
          </button>
          <ErrorNote error={errors.delete} />
        </section>
      )}
      {closed && <p className="muted">This model is {model.status?.toLowerCase()}: there is nothing more to change.</p>}
      <ConfirmDialog
        open={action !== null}
        title={action ? confirmText[action.kind].title : ''}
        confirmLabel={action ? confirmText[action.kind].label : ''}
        danger={action ? confirmText[action.kind].danger : false}
        busy={busy}
        disabled={action?.kind === 'delete' && deleteName !== model.modelName}
        onConfirm={() => void run()}
        onCancel={() => {
          setAction(null);
          setDeleteName('');
        }}
      >
        <p>{action ? confirmText[action.kind].body : ''}</p>
        {action?.kind === 'delete' && (
          <label className="field">
            Type <code>{model.modelName}</code> to confirm
            <input value={deleteName} onChange={(e) => setDeleteName(e.target.value)} autoComplete="off" />
          </label>
        )}
      </ConfirmDialog>
    </div>
  );
}

function toLocalInput(iso?: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
