/**
 * The hub's permissions, mirroring io.xinference.hub.security.HubPermission: each is a realm role named
 * HubPermission.role(). The UI only uses them to decide what to show; the APIs enforce them.
 */
export const Permission = {
  REGISTER_PRIVATE: 'register-private-model',
  REGISTER_PUBLIC: 'register-public-model',
  REGISTER_ENTERPRISE: 'register-enterprise-model',
  MANAGE_ANY_PUBLIC: 'manage-any-public-model',
  UPDATE_ADVANCED: 'update-advanced-model',
  DELETE_ADVANCED: 'delete-advanced-model',
  EXPIRE_ADVANCED: 'expire-advanced-model',
  UPDATE_PUBLIC: 'update-public-model',
  DELETE_PUBLIC: 'delete-public-model',
  EXPIRE_PUBLIC: 'expire-public-model',
  VIEW_ADVANCED: 'view-advanced-model',
  REVIEW_LIST: 'review-list',
  REVIEW_DECIDE: 'review-decide',
  AUDIT_READ: 'audit-read',
  ADMIN: 'hub-admin',
} as const;

export type PermissionRole = (typeof Permission)[keyof typeof Permission];

export const PERMISSION_LABELS: Record<PermissionRole, string> = {
  'register-private-model': 'Register private models',
  'register-public-model': 'Register public models (published without review)',
  'register-enterprise-model': 'Register enterprise models',
  'manage-any-public-model': 'Manage any public model',
  'update-advanced-model': 'Update enterprise models',
  'delete-advanced-model': 'Delete enterprise models',
  'expire-advanced-model': 'Expire enterprise models',
  'update-public-model': 'Update public models',
  'delete-public-model': 'Delete public models',
  'expire-public-model': 'Expire public models',
  'view-advanced-model': 'View enterprise models',
  'review-list': 'See the review queue',
  'review-decide': 'Approve or reject submissions',
  'audit-read': 'Read the audit trail',
  'hub-admin': 'Administer the hub',
};

const ALL = new Set<string>(Object.values(Permission));

export interface TokenClaims {
  sub?: string;
  preferred_username?: string;
  name?: string;
  email?: string;
  realm_access?: { roles?: string[] };
  resource_access?: Record<string, { roles?: string[] }>;
  exp?: number;
  [key: string]: unknown;
}

/** Decodes a JWT's payload without verifying it (the APIs verify; the UI only reads claims). */
export function decodeJwt(token: string | undefined | null): TokenClaims | null {
  if (!token) return null;
  const parts = token.split('.');
  if (parts.length < 2) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as TokenClaims;
  } catch {
    return null;
  }
}

/** The hub permissions carried by an access token: realm roles plus the API client's roles. */
export function permissionsOf(claims: TokenClaims | null, apiClient = 'models-hub-api'): Set<PermissionRole> {
  const roles = [
    ...(claims?.realm_access?.roles ?? []),
    ...(claims?.resource_access?.[apiClient]?.roles ?? []),
  ];
  return new Set(roles.filter((r) => ALL.has(r)) as PermissionRole[]);
}
