import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../components/Badges';
import { ErrorNote } from '../components/Confirm';
import { JsonEditor, useLiveValidation } from '../components/JsonEditor';
import { ReadmeEditor } from '../components/ReadmeEditor';
import { compat } from './ModelDetail';
import { ApiError, describeError } from '../lib/api';
import { useHub } from '../lib/auth';
import { definitionPointer, lineOf } from '../lib/jsonLines';
import { Permission } from '../lib/permissions';
import { readmeTemplate, templateFor } from '../lib/templates';
import { MODEL_TYPES, type ChangeResult, type ModelType } from '../lib/types';
import { LoginRequired } from './LoginRequired';

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

/**
 * The hub's one model-name grammar (shared-events ModelNameGrammar.PATTERN, kept equal by its test): letters, digits,
 * '.', '_', '-', starting with a letter or digit, so never '.', '..' or a path; at most 200 characters.
 */
const MODEL_NAME_PATTERN = '[A-Za-z0-9][A-Za-z0-9._\\-]{0,199}';

export function Register() {
  const { session, can, api } = useHub();
  const [type, setType] = useState<ModelType>('llm');
  const [text, setText] = useState(() => pretty(templateFor('llm')));
  const [readme, setReadme] = useState(() => readmeTemplate('my-model'));
  // the README template's title follows model_name (typed, pasted or edited in the JSON) until the person edits it
  const [readmeEdited, setReadmeEdited] = useState(false);
  const [waiting, setWaiting] = useState<string | null>(null);
  const [isPublic, setPublic] = useState(false);
  const [isEnterprise, setEnterprise] = useState(false);
  const [expiresAt, setExpiresAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<{ pointer?: string; message: string }[]>([]);
  const [result, setResult] = useState<{ change: ChangeResult; visibility: string } | null>(null);
  const validation = useLiveValidation(type, text);

  const parsedName = (validation.analysis.value as Record<string, unknown> | undefined)?.model_name;
  useEffect(() => {
    if (!readmeEdited) setReadme(readmeTemplate(typeof parsedName === 'string' && parsedName ? parsedName : 'my-model'));
  }, [parsedName, readmeEdited]);

  if (!session) return <LoginRequired what="register a model" />;

  // ModelPolicy: anyone who may register may ask for a public model (reviewed first unless they hold
  // register-public-model); enterprise needs register-enterprise-model.
  const publishesDirectly = can(Permission.REGISTER_PUBLIC);
  const mayPublic = publishesDirectly || can(Permission.REGISTER_PRIVATE);
  const mayEnterprise = can(Permission.REGISTER_ENTERPRISE);
  const definition = validation.analysis.value as Record<string, unknown> | undefined;
  const name = typeof definition?.model_name === 'string' ? definition.model_name : '';

  const chooseType = (t: ModelType) => {
    const untouched = MODEL_TYPES.some((x) => text === pretty(templateFor(x, name || 'my-model')));
    setType(t);
    if (untouched) setText(pretty(templateFor(t, name || 'my-model')));
  };

  const setName = (n: string) => {
    if (!definition) return;
    setText(pretty({ ...definition, model_name: n }));
  };

  const editReadme = (value: string) => {
    setReadme(value);
    setReadmeEdited(true);
  };

  const visibility = mayEnterprise && isPublic && isEnterprise ? 'ENTERPRISE' : mayPublic && isPublic ? 'PUBLIC' : 'PRIVATE';

  const register = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!definition) return;
    setBusy(true);
    setError(null);
    setServerErrors([]);
    try {
      const change = await api.register({
        modelType: type,
        visibility,
        definition,
        readme,
        expiresAt: expiresAt ? new Date(expiresAt).toISOString() : undefined,
      });
      // read-your-writes: say so, and show where it went only once the catalogue can show the model
      setWaiting(change.modelName);
      await readable(change.modelName, change.version);
      setResult({ change, visibility });
    } catch (err) {
      setError(describeError(err));
      if (err instanceof ApiError && Array.isArray(err.problem.errors))
        setServerErrors(err.problem.errors.map((x) => ({ ...x, pointer: definitionPointer(x.pointer) })));
    } finally {
      setBusy(false);
      setWaiting(null);
    }
  };

  /** Asks the query side with minVersion (it waits up to 5 s per request); a few tries cover a slow projection. */
  const readable = async (modelName: string, version: number) => {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        await api.modelByName(modelName, version);
        return;
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 404) return;
      }
    }
  };

  if (result) {
    const { change } = result;
    const where =
      change.status === 'APPROVED'
        ? result.visibility === 'PRIVATE'
          ? 'It is ready to use.'
          : `It is published${result.visibility === 'ENTERPRISE' ? ' to enterprise users' : ''}: it is on the home page and Xinference servers get it at their next update.`
        : change.status === 'PENDING_REVIEW'
          ? 'It is waiting for a reviewer. You will find the decision and any feedback on its Review status tab.'
          : change.status === 'DRAFT'
            ? 'It is saved as a draft. Submit it for review from its Review status tab.'
            : 'It is registered.';
    const privateNote = result.visibility === 'PRIVATE' ? ' It is private: only you can see it.' : '';
    return (
      <div className="page narrow">
        <div className="result card" role="status">
          <h1>{change.modelName} registered</h1>
          <p>
            Status: <StatusBadge status={change.status} />
          </p>
          <p>{where}{privateNote}</p>
          <div className="actions">
            <Link className="btn btn-primary" to={`/models/detail/${encodeURIComponent(change.modelName)}?minVersion=${change.version}`}>
              Open the model
            </Link>
            <Link className="btn" to="/my-models" state={{ expect: change.modelName }}>
              My Models
            </Link>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setResult(null);
                setText(pretty(templateFor(type)));
                setReadme(readmeTemplate('my-model'));
                setReadmeEdited(false);
              }}
            >
              Register another
            </button>
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      <h1>Register a model</h1>
      <p className="muted">
        Describe the model with the JSON definition Xinference uses. It is checked as you type against the rules of the chosen type.
      </p>
      <form className="register" onSubmit={register}>
        <fieldset className="field">
          <legend className="field-label">Model type</legend>
          <div className="segmented types" role="radiogroup">
            {MODEL_TYPES.map((t) => (
              <label key={t} className={type === t ? 'on' : ''}>
                <input type="radio" name="modelType" value={t} checked={type === t} onChange={() => chooseType(t)} />
                {t}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row">
          <label className="field">
            <span className="field-label">Model name</span>
            <input
              name="modelName"
              value={name}
              disabled={!definition}
              pattern={MODEL_NAME_PATTERN}
              title="Letters, digits, dot, underscore and dash, starting with a letter or digit"
              onChange={(e) => setName(e.target.value)}
              aria-describedby="name-help"
            />
            <span id="name-help" className="help">
              The definition's <code>model_name</code>: letters, digits, <code>.</code> <code>_</code> <code>-</code>,
              starting with a letter or digit
            </span>
          </label>
          <label className="field">
            <span className="field-label">Expiration date (optional)</span>
            <input type="datetime-local" name="expiresAt" value={expiresAt} onChange={(e) => setExpiresAt(e.target.value)} />
          </label>
        </div>
        <div className="panel-actions">
          <button type="button" className="btn btn-small" onClick={() => setText(pretty(templateFor(type, name || 'my-model')))}>
            Reset to the {type} template
          </button>
          {validation.compatibility != null && <span className="muted">Compatibility: {compat(validation.compatibility)}</span>}
        </div>
        <JsonEditor id="definition" label="Definition (JSON)" value={text} onChange={setText} validation={validation} />
        <ReadmeEditor id="readme" value={readme} onChange={editReadme} definition={definition} modelType={type} />

        <fieldset className="field visibility">
          <legend className="field-label">Visibility</legend>
          {mayPublic ? (
            <label className="switch">
              <input
                type="checkbox"
                name="public"
                checked={isPublic}
                onChange={(e) => {
                  setPublic(e.target.checked);
                  if (!e.target.checked) setEnterprise(false);
                }}
              />
              <span>Public model</span>
              <span className="help">
                Everyone can see it and Xinference servers download it.{' '}
                {publishesDirectly ? 'You may publish directly: no review needed.' : 'A reviewer checks it first.'}
              </span>
            </label>
          ) : null}
          {mayEnterprise ? (
            <label className={`switch ${!isPublic ? 'disabled' : ''}`}>
              <input type="checkbox" name="enterprise" checked={isEnterprise} disabled={!isPublic} onChange={(e) => setEnterprise(e.target.checked)} />
              <span>Enterprise model</span>
              <span className="help">Only users with enterprise access see it. Turn on “Public model” first.</span>
            </label>
          ) : null}
          {!mayPublic && !mayEnterprise && (
            <p className="muted">Your model is registered as private: only you can see it.</p>
          )}
          <p className="muted">
            Will be registered as <strong>{visibility.toLowerCase()}</strong>.
          </p>
        </fieldset>

        <ErrorNote error={error} />
        {serverErrors.length > 0 && (
          <ul className="errors">
            {serverErrors.map((e, i) => (
              <li key={i}>
                {lineOf(validation.analysis, e.pointer) ? `Line ${lineOf(validation.analysis, e.pointer)}: ` : ''}
                {e.pointer && <code>{e.pointer}</code>} {e.message}
              </li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !definition || validation.valid === false}>
            {waiting ? 'Registered, opening…' : busy ? 'Registering…' : 'Register model'}
          </button>
          {waiting && (
            <span className="muted" role="status" data-testid="register-wait">
              {waiting} is registered; waiting until the catalogue shows it…
            </span>
          )}
        </div>
      </form>
    </div>
  );
}
