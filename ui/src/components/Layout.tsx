import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useHub } from '../lib/auth';
import { Permission } from '../lib/permissions';

export function Layout() {
  const { session, login, logout, signUp, can } = useHub();
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // on a phone the main menu folds into one "Menu" button (CSS shows the button only at narrow widths)
  const [navOpen, setNavOpen] = useState(false);

  // close the avatar menu and the folded main menu on navigation
  useEffect(() => {
    if (menu.current) menu.current.open = false;
    setNavOpen(false);
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>
            <span className="brand-prefix">Xinference </span>
            <strong>Models Hub</strong>
          </span>
        </Link>
        <button
          type="button"
          className="btn btn-small nav-toggle"
          aria-expanded={navOpen}
          aria-controls="mainnav"
          onClick={() => setNavOpen(!navOpen)}
        >
          <span aria-hidden="true">☰</span> Menu
        </button>
        <nav id="mainnav" className={`mainnav ${navOpen ? 'open' : ''}`} aria-label="Main">
          <NavLink to="/" end>
            Models
          </NavLink>
          {session && <NavLink to="/register">Register a model</NavLink>}
          {session && <NavLink to="/my-models">My Models</NavLink>}
          {can(Permission.REVIEW_LIST) && <NavLink to="/review">Review queue</NavLink>}
          {(can(Permission.AUDIT_READ) || can(Permission.ADMIN)) && <NavLink to="/audit">Audit</NavLink>}
          {can(Permission.ADMIN) && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <div className="account">
          {session ? (
            <details className="avatar-menu" ref={menu}>
              <summary>
                <span className="avatar" aria-hidden="true">
                  {session.displayName.slice(0, 1).toUpperCase()}
                </span>
                <span className="avatar-name">{session.username}</span>
                <span className="sr-only">{`${session.username}, account menu`}</span>
              </summary>
              <ul role="menu">
                <li role="none">
                  <Link role="menuitem" to="/me">
                    User Center
                  </Link>
                </li>
                <li role="none">
                  <Link role="menuitem" to="/register">
                    Model Registration
                  </Link>
                </li>
                <li role="none">
                  <Link role="menuitem" to="/my-models">
                    My Models
                  </Link>
                </li>
                {can(Permission.REVIEW_LIST) && (
                  <li role="none">
                    <Link role="menuitem" to="/review">
                      Review queue
                    </Link>
                  </li>
                )}
                {(can(Permission.AUDIT_READ) || can(Permission.ADMIN)) && (
                  <li role="none">
                    <Link role="menuitem" to="/audit">
                      Audit trail
                    </Link>
                  </li>
                )}
                {can(Permission.ADMIN) && (
                  <li role="none">
                    <Link role="menuitem" to="/admin">
                      Admin
                    </Link>
                  </li>
                )}
                <li role="none">
                  <button role="menuitem" type="button" onClick={() => void logout()}>
                    Logout
                  </button>
                </li>
              </ul>
            </details>
          ) : (
            <>
              <button type="button" className="btn btn-ghost" onClick={() => void signUp()}>
                Sign up
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void login()}>
                Log in
              </button>
            </>
          )}
        </div>
      </header>
      <main id="main" className="content">
        <Outlet />
      </main>
      <footer className="footer">
        Models for <a href="https://github.com/xorbitsai/inference">Xinference</a> — browse, register, review.
      </footer>
    </div>
  );
}
