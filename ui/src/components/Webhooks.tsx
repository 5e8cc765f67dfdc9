import { useCallback, useEffect, useState } from 'react';
import { ApiError, describeError, type Webhook, type WebhookDelivery } from '../lib/api';
import { useHub } from '../lib/auth';
import { EVENT_KINDS, fieldOfPointer, webhookFormErrors } from '../lib/webhooks';
import { ConfirmDialog, ErrorNote } from './Confirm';
import { formatDateTime } from './ModelCard';

/** The caller's webhooks: create (the signing secret is shown once), pause / resume, delete, delivery log, redeliver. */
export function Webhooks() {
  const { api } = useHub();
  const [hooks, setHooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [kinds, setKinds] = useState<string[]>(['model.approved', 'model.rejected']);
  const [fieldErrors, setFieldErrors] = useState<{ url?: string; eventKinds?: string }>({});
  const [created, setCreated] = useState<Webhook | null>(null);
  const [busy, setBusy] = useState(false);
  const [remove, setRemove] = useState<Webhook | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const [unavailable, setUnavailable] = useState(false);
  const load = useCallback(
    () =>
      api
        .webhooks()
        .then(setHooks)
        .catch((e) => (e instanceof ApiError && e.status === 404 ? setUnavailable(true) : setError(describeError(e)))),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    const local = webhookFormErrors(url, kinds);
    setFieldErrors(local);
    setError(null);
    if (local.url || local.eventKinds) return;
    setBusy(true);
    try {
      const hook = await api.createWebhook({ url: url.trim(), eventKinds: kinds });
      setCreated(hook);
      setUrl('');
      await load();
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) {
        const next: { url?: string; eventKinds?: string } = {};
        for (const v of err.problem.errors) {
          const field = fieldOfPointer(v.pointer);
          if (field) next[field] = v.message;
        }
        setFieldErrors(next);
        if (!next.url && !next.eventKinds) setError(describeError(err));
      } else setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = async (hook: Webhook) => {
    setError(null);
    try {
      await api.updateWebhook(hook, !hook.active);
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  };

  const doRemove = async () => {
    if (!remove) return;
    setBusy(true);
    try {
      await api.deleteWebhook(remove.id);
      if (created?.id === remove.id) setCreated(null);
      await load();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      setRemove(null);
    }
  };

  if (unavailable) return null; // this hub does not serve webhooks

  return (
    <section className="card" aria-labelledby="hooks-title">
      <h2 id="hooks-title">Webhooks</h2>
      <p className="muted">
        The hub POSTs your models' events to these URLs, signed with <code>X-Hub-Signature-256</code> (HMAC-SHA256 of timestamp + "." + body).
      </p>
      <ErrorNote error={error} />
      {created?.secret && (
        <div className="alert alert-warn" role="status" aria-label="New webhook secret">
          <p>
            Webhook created. Its signing secret is shown <strong>this once</strong>: copy it now.
          </p>
          <code className="webhook-secret">{created.secret}</code>{' '}
          <button type="button" className="btn btn-small" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      )}
      <form className="webhook-form" onSubmit={(e) => void create(e)} noValidate>
        <label className="field">
          <span className="field-label">Receiver URL</span>
          <input
            type="url"
            value={url}
            placeholder="https://ci.example.com/hooks/models-hub"
            aria-invalid={!!fieldErrors.url}
            aria-describedby={fieldErrors.url ? 'hook-url-error' : undefined}
            onChange={(e) => setUrl(e.target.value)}
          />
          {fieldErrors.url && (
            <span id="hook-url-error" className="field-error" role="alert">
              {fieldErrors.url}
            </span>
          )}
        </label>
        <fieldset className="kinds">
          <legend>Events</legend>
          {EVENT_KINDS.map((k) => (
            <label key={k} className="check">
              <input
                type="checkbox"
                checked={kinds.includes(k)}
                onChange={(e) => setKinds(e.target.checked ? [...kinds, k] : kinds.filter((x) => x !== k))}
              />{' '}
              {k}
            </label>
          ))}
          {fieldErrors.eventKinds && (
            <span className="field-error" role="alert">
              {fieldErrors.eventKinds}
            </span>
          )}
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Add webhook
        </button>
      </form>
      {hooks === null ? (
        <p className="muted">Loading…</p>
      ) : hooks.length === 0 ? (
        <p className="muted">No webhooks yet.</p>
      ) : (
        <ul className="webhooks">
          {hooks.map((h) => (
            <li key={h.id} className="webhook" data-webhook={h.id}>
              <div className="page-head">
                <div>
                  <code className="webhook-url">{h.url}</code>{' '}
                  <span className={`badge ${h.active ? 'status-approved' : 'status-draft'}`}>{h.active ? 'Active' : 'Paused'}</span>
                  {h.pausedReason && <span className="muted"> — {h.pausedReason}</span>}
                  <div className="muted">{h.eventKinds.join(', ')}</div>
                </div>
                <div className="actions">
                  <button type="button" className="btn btn-small" onClick={() => void toggle(h)}>
                    {h.active ? 'Pause' : 'Resume'}
                  </button>
                  <button type="button" className="btn btn-small" aria-expanded={open === h.id} onClick={() => setOpen(open === h.id ? null : h.id)}>
                    Deliveries
                  </button>
                  <button type="button" className="btn btn-small btn-danger" onClick={() => setRemove(h)}>
                    Delete
                  </button>
                </div>
              </div>
              {open === h.id && <DeliveryLog hook={h} />}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={remove !== null}
        title="Delete this webhook?"
        confirmLabel="Delete"
        danger
        busy={busy}
        onConfirm={() => void doRemove()}
        onCancel={() => setRemove(null)}
      >
        <p>
          <code>{remove?.url}</code> gets no more deliveries, and its delivery log is deleted.
        </p>
      </ConfirmDialog>
    </section>
  );
}

function DeliveryLog({ hook }: { hook: Webhook }) {
  const { api } = useHub();
  const [items, setItems] = useState<WebhookDelivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => api.webhookDeliveries(hook.id).then(setItems).catch((e) => setError(describeError(e))), [api, hook.id]);
  useEffect(() => {
    void load();
  }, [load]);
  const redeliver = async (d: WebhookDelivery) => {
    setError(null);
    try {
      const copy = await api.redeliver(hook.id, d.id);
      setNotice(`Sent again as a new delivery (${copy.status.toLowerCase()}).`);
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <div className="delivery-log">
      <div className="page-head">
        <h3>Delivery log</h3>
        <button type="button" className="btn btn-small" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <ErrorNote error={error} />
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="muted">No deliveries yet.</p>
      ) : (
        <div className="table-scroll">
        <table className="table deliveries">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-delivery={d.id}>
                <td>{d.createdAt ? formatDateTime(d.createdAt) : ''}</td>
                <td>
                  <code>{d.eventKind}</code>
                  {d.redeliveryOf && <div className="muted">redelivery</div>}
                </td>
                <td>
                  <span className={`badge ${d.status === 'DELIVERED' ? 'status-approved' : d.status === 'FAILED' ? 'status-rejected' : 'status-pending_review'}`}>
                    {d.status.charAt(0) + d.status.slice(1).toLowerCase()}
                  </span>
                </td>
                <td>{d.attempts}</td>
                <td>
                  {d.lastStatus ? `HTTP ${d.lastStatus}` : d.lastError ?? '—'}
                  {d.lastLatencyMs != null && <span className="muted"> · {d.lastLatencyMs} ms</span>}
                </td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => void redeliver(d)}>
                    Redeliver
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </div>
  );
}
