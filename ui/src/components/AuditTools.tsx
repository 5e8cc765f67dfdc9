import { useEffect, useState } from 'react';
import { formatDateTime } from './ModelCard';
import { ErrorNote } from './Confirm';
import { describeError, type IntegrityReport, type ModelDiffBody, type ModelHistoryBody, type ModelStateBody } from '../lib/api';
import { useHub } from '../lib/auth';
import { describeIntegrity, localToIso, showValue } from '../lib/auditTools';

export function IntegrityResult({ report, label }: { report: IntegrityReport; label: string }) {
  return (
    <div className={`alert ${report.intact ? 'alert-ok' : 'alert-error'} integrity-result`} role="status" aria-label={label}>
      <strong>{label}:</strong> {describeIntegrity(report)}
      {report.chainHead && (
        <div className="muted">
          Chain head <code>{report.chainHead}</code>
        </div>
      )}
    </div>
  );
}

/** Store-wide verification (every anchor and both hash chains). */
export function StoreVerification() {
  const { api } = useHub();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.verifyStore());
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void verify()}>
        {busy ? 'Verifying…' : 'Verify the whole store'}
      </button>
      <ErrorNote error={error} />
      {report && <IntegrityResult report={report} label="Event store" />}
    </div>
  );
}

/** One model's audit tools: verification, its state at a version or instant, and the diff between two versions. */
export function ModelAuditTools({ modelId, modelName }: { modelId: string; modelName?: string }) {
  const { api } = useHub();
  const [history, setHistory] = useState<ModelHistoryBody | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [integrity, setIntegrity] = useState<IntegrityReport | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [mode, setMode] = useState<'version' | 'at'>('version');
  const [version, setVersion] = useState('');
  const [at, setAt] = useState('');
  const [state, setState] = useState<ModelStateBody | null>(null);
  const [stateError, setStateError] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<ModelDiffBody | null>(null);
  const [diffError, setDiffError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setHistory(null);
    setState(null);
    setDiff(null);
    setIntegrity(null);
    api
      .modelHistory(modelId)
      .then((h) => {
        if (cancelled) return;
        setHistory(h);
        const seqs = h.events.map((e) => e.sequence);
        setVersion(String(seqs[seqs.length - 1] ?? ''));
        setFrom(String(seqs[0] ?? ''));
        setTo(String(seqs[seqs.length - 1] ?? ''));
      })
      .catch((e) => !cancelled && setError(describeError(e)));
    return () => {
      cancelled = true;
    };
  }, [api, modelId]);

  const verify = async () => {
    setVerifying(true);
    setError(null);
    try {
      setIntegrity(await api.verifyModel(modelId));
    } catch (e) {
      setError(describeError(e));
    } finally {
      setVerifying(false);
    }
  };

  const showState = async (e: React.FormEvent) => {
    e.preventDefault();
    setStateError(null);
    setState(null);
    const instant = localToIso(at);
    if (mode === 'at' && !instant) return setStateError('Choose a date and time.');
    try {
      setState(await api.modelState(modelId, mode === 'version' ? { version: Number(version) } : { at: instant }));
    } catch (err) {
      setStateError(describeError(err));
    }
  };

  const showDiff = async (e: React.FormEvent) => {
    e.preventDefault();
    setDiffError(null);
    setDiff(null);
    try {
      setDiff(await api.modelDiff(modelId, Number(from), Number(to)));
    } catch (err) {
      setDiffError(describeError(err));
    }
  };

  const options = (history?.events ?? []).map((ev) => (
    <option key={ev.sequence} value={ev.sequence}>
      #{ev.sequence} · {ev.type.replace(/^Model/, '')} · {formatDateTime(ev.timestamp)}
    </option>
  ));

  return (
    <section className="card audit-tools" aria-labelledby="model-tools-title">
      <div className="page-head">
        <h2 id="model-tools-title">
          {modelName ? <>Timeline of {modelName}</> : <>Model <code>{modelId}</code></>}
          {history && <span className="muted"> · {history.events.length} events, now at version {history.version}</span>}
        </h2>
        <button type="button" className="btn btn-small" disabled={verifying} onClick={() => void verify()}>
          {verifying ? 'Verifying…' : 'Verify this model'}
        </button>
      </div>
      <ErrorNote error={error} />
      {integrity && <IntegrityResult report={integrity} label="This model" />}

      <form className="inline-form" onSubmit={(e) => void showState(e)} aria-labelledby="state-title">
        <h3 id="state-title">State at</h3>
        <label>
          <input type="radio" name="state-mode" checked={mode === 'version'} onChange={() => setMode('version')} /> version
        </label>
        <select aria-label="State at version" value={version} disabled={mode !== 'version'} onChange={(e) => setVersion(e.target.value)}>
          {options}
        </select>
        <label>
          <input type="radio" name="state-mode" checked={mode === 'at'} onChange={() => setMode('at')} /> time
        </label>
        <input
          type="datetime-local"
          step="1"
          aria-label="State at time"
          value={at}
          disabled={mode !== 'at'}
          onChange={(e) => setAt(e.target.value)}
        />
        <button type="submit" className="btn btn-small btn-primary">
          Show state
        </button>
      </form>
      <ErrorNote error={stateError} />
      {state && (
        <div className="model-state" aria-label="Model state">
          <p>
            Version <strong className="state-version">{state.version}</strong> · status <strong className="state-status">{String(state.model.status)}</strong>{' '}
            · visibility {String(state.model.visibility)}
            {state.model.updatedAt ? ` · last changed ${formatDateTime(String(state.model.updatedAt))}` : ''}
          </p>
          <details open>
            <summary>Definition</summary>
            <pre className="state-json" tabIndex={0}>{JSON.stringify(state.model.definition, null, 2)}</pre>
          </details>
          <details>
            <summary>README</summary>
            <pre className="state-json state-readme" tabIndex={0}>{String(state.model.readme ?? '')}</pre>
          </details>
        </div>
      )}

      <form className="inline-form" onSubmit={(e) => void showDiff(e)} aria-labelledby="diff-title">
        <h3 id="diff-title">Compare versions</h3>
        <select aria-label="Compare from version" value={from} onChange={(e) => setFrom(e.target.value)}>
          {options}
        </select>
        <span>→</span>
        <select aria-label="Compare to version" value={to} onChange={(e) => setTo(e.target.value)}>
          {options}
        </select>
        <button type="submit" className="btn btn-small btn-primary">
          Show changes
        </button>
      </form>
      <ErrorNote error={diffError} />
      {diff && (
        <div className="model-diff" aria-label="Changes between versions">
          <h4>
            Definition, version {diff.fromVersion} → {diff.toVersion}
          </h4>
          {diff.definition.length === 0 ? (
            <p className="muted">No definition change.</p>
          ) : (
            <table className="table diff-definition">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Change</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {diff.definition.map((c) => (
                  <tr key={c.pointer}>
                    <td>
                      <code>{c.pointer}</code>
                    </td>
                    <td>{c.operation.toLowerCase()}</td>
                    <td>
                      <code>{showValue(c.before)}</code>
                    </td>
                    <td>
                      <code>{showValue(c.after)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>README</h4>
          {diff.readme.every((l) => l.operation === 'KEPT') ? (
            <p className="muted">No README change.</p>
          ) : (
            <ul className="diff-list readme-diff">
              {diff.readme.map((l, i) => (
                <li key={i} className={l.operation === 'ADDED' ? 'd-add' : l.operation === 'REMOVED' ? 'd-del' : ''}>
                  {l.operation === 'ADDED' ? '+ ' : l.operation === 'REMOVED' ? '- ' : '  '}
                  {l.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
