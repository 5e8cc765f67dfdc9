import { Webhooks } from '../components/Webhooks';
import { useEffect, useState } from 'react';
import { ConfirmDialog, ErrorNote } from '../components/Confirm';
import { formatDateTime } from '../components/ModelCard';
import { ApiError, describeError, type MailPreferences, type Profile } from '../lib/api';
import { useHub } from '../lib/auth';
import { Permission, PERMISSION_LABELS, type PermissionRole } from '../lib/permissions';
import { LoginRequired } from './LoginRequired';

export function UserCenter() {
  const { session, accountUrl, logout, api } = useHub();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [profileError, setProfileError] = useState<string | null>(null);

  const reload = () =>
    api
      .profile()
      .then(setProfile)
      .catch((e) => setProfileError(describeError(e)));

  useEffect(() => {
    if (session) void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, session?.subject]);

  if (!session) return <LoginRequired what="see your profile" />;
  // the token is the source of truth for permissions; the profile adds what only the command-side knows
  const permissions = [...session.permissions].sort() as PermissionRole[];
  const expires = typeof session.claims.exp === 'number' ? new Date(session.claims.exp * 1000) : null;
  const account = profile?.accountConsoleUrl || accountUrl;
  return (
    <div className="page narrow">
      <h1>User Center</h1>
      <section className="card profile" aria-labelledby="profile-title">
        <div className="profile-head">
          <span className="avatar big" aria-hidden="true">
            {session.displayName.slice(0, 1).toUpperCase()}
          </span>
          <div>
            <h2 id="profile-title">{profile?.name || session.displayName}</h2>
            <div className="muted">@{session.username}</div>
          </div>
        </div>
        <dl className="facts">
          <dt>Username</dt>
          <dd data-testid="username">{session.username}</dd>
          <dt>Email</dt>
          <dd>
            {profile?.email ?? session.email ?? '—'}
            {profile && profile.email && !profile.emailVerified && <span className="muted"> (not verified)</span>}
          </dd>
          <dt>Account id</dt>
          <dd>
            <code>{session.subject}</code>
          </dd>
          {expires && (
            <>
              <dt>Session token valid until</dt>
              <dd>{expires.toLocaleTimeString()}</dd>
            </>
          )}
        </dl>
        <div className="actions">
          <a className="btn" href={account} target="_blank" rel="noopener noreferrer">
            Manage account in Keycloak
          </a>
          <a className="btn" href={`${account}/account-security/signing-in`} target="_blank" rel="noopener noreferrer">
            Change password
          </a>
          <button type="button" className="btn btn-ghost" onClick={() => void logout()}>
            Logout
          </button>
        </div>
      </section>

      <section className="card" aria-labelledby="perm-title">
        <h2 id="perm-title">Permissions</h2>
        {permissions.length === 0 ? (
          <p className="muted">No hub permissions: you can browse the public models.</p>
        ) : (
          <ul className="permissions">
            {permissions.map((p) => (
              <li key={p}>
                <span className="ok">✓</span> {PERMISSION_LABELS[p]} <code className="muted">{p}</code>
              </li>
            ))}
          </ul>
        )}
      </section>

      <MailSettings />
      <Webhooks />
      <GithubToken profile={profile} profileError={profileError} onChanged={reload} />
    </div>
  );
}

function GithubToken({ profile, profileError, onChanged }: { profile: Profile | null; profileError: string | null; onChanged: () => Promise<void> }) {
  const { api } = useHub();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await api.setGithubToken(token.trim());
      setToken('');
      setNotice('GitHub token saved. Pull requests for your public model changes are opened in your name.');
      await onChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.clearGithubToken();
      setNotice('GitHub token removed. The hub’s own bot opens your pull requests.');
      await onChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
      setConfirmClear(false);
    }
  };

  return (
    <section className="card" aria-labelledby="gh-title">
      <h2 id="gh-title">GitHub token</h2>
      <p className="muted">
        Changes to public models open pull requests on xorbitsai/inference. With your own token they are opened in your name; without it, by
        the hub’s bot. The token is stored encrypted and never shown again.
      </p>
      {profileError && <p className="muted">Profile unavailable: {profileError}</p>}
      {profile && (
        <p data-testid="github-token-state">
          {profile.githubTokenSet ? (
            <>
              <span className="ok">✓</span> A token is set{profile.githubTokenUpdatedAt ? ` (since ${formatDateTime(profile.githubTokenUpdatedAt)})` : ''}.
            </>
          ) : (
            'No token set.'
          )}
        </p>
      )}
      {profile && !profile.githubTokenStorageAvailable ? (
        <p className="muted">Token storage is not configured on this hub.</p>
      ) : (
        <form className="inline-form" onSubmit={save}>
          <label htmlFor="github-token">{profile?.githubTokenSet ? 'Replace the token' : 'Personal access token'}</label>
          <input
            id="github-token"
            type="password"
            autoComplete="off"
            value={token}
            placeholder="github_pat_… or ghp_…"
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={!!error}
          />
          <button type="submit" className="btn btn-primary" disabled={busy || !token.trim()}>
            Save token
          </button>
          {profile?.githubTokenSet && (
            <button type="button" className="btn" disabled={busy} onClick={() => setConfirmClear(true)}>
              Remove token
            </button>
          )}
        </form>
      )}
      <ErrorNote error={error} />
      {notice && (
        <div className="alert alert-ok" role="status">
          {notice}
        </div>
      )}
      <ConfirmDialog
        open={confirmClear}
        title="Remove your GitHub token?"
        confirmLabel="Remove"
        danger
        busy={busy}
        onConfirm={() => void clear()}
        onCancel={() => setConfirmClear(false)}
      >
        <p>Pull requests for your changes will be opened by the hub’s bot instead.</p>
      </ConfirmDialog>
    </section>
  );
}

const MAIL_CHOICES: { key: keyof MailPreferences; label: string; reviewersOnly?: boolean }[] = [
  { key: 'reviewDecisions', label: 'The decision on a model I submitted for review' },
  { key: 'newSubmissions', label: 'New submissions waiting for review', reviewersOnly: true },
  { key: 'expiryReminders', label: 'A week before one of my models expires' },
  { key: 'webhookAlerts', label: 'One of my webhooks was paused because it kept failing' },
];

function MailSettings() {
  const { api, can } = useHub();
  const [prefs, setPrefs] = useState<MailPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const reviewer = can(Permission.REVIEW_LIST) || can(Permission.REVIEW_DECIDE);

  useEffect(() => {
    api
      .mailPreferences()
      .then(setPrefs)
      .catch((e) => (e instanceof ApiError && e.status === 404 ? setUnavailable(true) : setError(describeError(e))));
  }, [api]);

  if (unavailable) return null; // this hub sends no mail
  const toggle = async (key: keyof MailPreferences, value: boolean) => {
    if (!prefs) return;
    const previous = prefs;
    const next = { ...prefs, [key]: value };
    setPrefs(next);
    setError(null);
    setSaved(false);
    try {
      setPrefs(await api.saveMailPreferences(next));
      setSaved(true);
    } catch (e) {
      setPrefs(previous);
      setError(describeError(e));
    }
  };

  return (
    <section className="card" aria-labelledby="mail-title">
      <h2 id="mail-title">Mail notifications</h2>
      {!prefs && !error && <p className="muted">Loading…</p>}
      {prefs && (
        <fieldset className="visibility">
          <legend className="sr-only">Send me a mail about</legend>
          {MAIL_CHOICES.filter((c) => !c.reviewersOnly || reviewer).map((c) => (
            <label className="switch" key={c.key}>
              <input type="checkbox" name={c.key} checked={prefs[c.key]} onChange={(e) => void toggle(c.key, e.target.checked)} />
              <span>{c.label}</span>
            </label>
          ))}
        </fieldset>
      )}
      <ErrorNote error={error} />
      {saved && (
        <p className="ok" role="status">
          Saved.
        </p>
      )}
    </section>
  );
}
