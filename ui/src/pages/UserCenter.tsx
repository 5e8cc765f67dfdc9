import { useHub } from '../lib/auth';
import { PERMISSION_LABELS, type PermissionRole } from '../lib/permissions';
import { LoginRequired } from './LoginRequired';

export function UserCenter() {
  const { session, accountUrl, logout } = useHub();
  if (!session) return <LoginRequired what="see your profile" />;
  const permissions = [...session.permissions].sort() as PermissionRole[];
  const expires = typeof session.claims.exp === 'number' ? new Date(session.claims.exp * 1000) : null;
  return (
    <div className="page narrow">
      <h1>User Center</h1>
      <section className="card profile" aria-labelledby="profile-title">
        <div className="profile-head">
          <span className="avatar big" aria-hidden="true">
            {session.displayName.slice(0, 1).toUpperCase()}
          </span>
          <div>
            <h2 id="profile-title">{session.displayName}</h2>
            <div className="muted">@{session.username}</div>
          </div>
        </div>
        <dl className="facts">
          <dt>Username</dt>
          <dd data-testid="username">{session.username}</dd>
          <dt>Email</dt>
          <dd>{session.email ?? '—'}</dd>
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
          <a className="btn" href={accountUrl} target="_blank" rel="noopener noreferrer">
            Manage account in Keycloak
          </a>
          <a className="btn" href={`${accountUrl}/account-security/signing-in`} target="_blank" rel="noopener noreferrer">
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
    </div>
  );
}
