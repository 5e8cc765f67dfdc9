import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { HubApi } from './api';
import { issuerOf, type UiConfig } from './config';
import { decodeJwt, permissionsOf, type PermissionRole, type TokenClaims } from './permissions';

export interface Session {
  accessToken: string;
  claims: TokenClaims;
  subject?: string;
  username: string;
  displayName: string;
  email?: string;
  permissions: Set<PermissionRole>;
}

export interface Hub {
  config: UiConfig;
  api: HubApi;
  session: Session | null;
  login: (returnTo?: string) => Promise<void>;
  signUp: () => Promise<void>;
  logout: () => Promise<void>;
  can: (permission: PermissionRole) => boolean;
  accountUrl: string;
}

const HubContext = createContext<Hub | null>(null);

export function useHub(): Hub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useHub outside HubProvider');
  return hub;
}

export function createUserManager(config: UiConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: issuerOf(config),
    client_id: config.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code', // authorization code; oidc-client-ts always adds PKCE (S256)
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true, // renews with the refresh token before the access token expires
  });
}

export function sessionOf(user: User | null): Session | null {
  if (!user || user.expired || !user.access_token) return null;
  const claims = decodeJwt(user.access_token) ?? {};
  const profile = user.profile ?? {};
  const username = (claims.preferred_username as string) || (profile.preferred_username as string) || 'user';
  return {
    accessToken: user.access_token,
    claims,
    subject: claims.sub ?? profile.sub,
    username,
    displayName: (claims.name as string) || (profile.name as string) || username,
    email: (claims.email as string) || (profile.email as string | undefined),
    permissions: permissionsOf(claims),
  };
}

interface ReturnState {
  returnTo?: string;
}

/**
 * Finishes a login if the browser just came back from Keycloak (`?code=...&state=...` on the redirect URI),
 * then returns the stored user, if any.
 */
export async function initialUser(manager: UserManager): Promise<User | null> {
  const params = new URLSearchParams(window.location.search);
  if ((params.has('code') || params.has('error')) && params.has('state')) {
    try {
      const user = await manager.signinRedirectCallback();
      const returnTo = (user.state as ReturnState | undefined)?.returnTo || '/';
      window.history.replaceState(null, '', returnTo);
      return user;
    } catch (e) {
      console.warn('Login callback failed', e);
      window.history.replaceState(null, '', '/');
    }
  }
  const user = await manager.getUser();
  return user && !user.expired ? user : null;
}

export function HubProvider({
  config,
  manager,
  initial,
  children,
}: {
  config: UiConfig;
  manager: UserManager;
  initial: User | null;
  children: ReactNode;
}) {
  const [user, setUser] = useState<User | null>(initial);

  useEffect(() => {
    const loaded = (u: User) => setUser(u);
    const unloaded = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    manager.events.addAccessTokenExpired(unloaded);
    manager.events.addSilentRenewError(() => undefined);
    return () => {
      manager.events.removeUserLoaded(loaded);
      manager.events.removeUserUnloaded(unloaded);
      manager.events.removeAccessTokenExpired(unloaded);
    };
  }, [manager]);

  const session = useMemo(() => sessionOf(user), [user]);

  const hub = useMemo<Hub>(() => {
    const api = new HubApi(config, () => session?.accessToken);
    const issuer = issuerOf(config);
    return {
      config,
      api,
      session,
      can: (p) => !!session?.permissions.has(p),
      login: (returnTo) =>
        manager.signinRedirect({
          state: { returnTo: returnTo ?? window.location.pathname + window.location.search } satisfies ReturnState,
        }),
      signUp: () => manager.signinRedirect({ prompt: 'create', state: { returnTo: '/' } satisfies ReturnState }),
      logout: async () => {
        const u = await manager.getUser();
        await manager.removeUser();
        await manager.signoutRedirect({ id_token_hint: u?.id_token });
      },
      accountUrl: `${issuer}/account`,
    };
  }, [config, manager, session]);

  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}

/** For tests: a provider with a fixed session and no Keycloak. */
export function StaticHubProvider({ hub, children }: { hub: Hub; children: ReactNode }) {
  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}
