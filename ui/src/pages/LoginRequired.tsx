import { useHub } from '../lib/auth';

export function LoginRequired({ what }: { what: string }) {
  const { login } = useHub();
  return (
    <div className="page narrow">
      <div className="card empty-state">
        <h1>Log in to {what}</h1>
        <p>You need an account on the Models Hub for this page.</p>
        <button type="button" className="btn btn-primary" onClick={() => void login()}>
          Log in
        </button>
      </div>
    </div>
  );
}
