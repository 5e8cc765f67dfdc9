import { describe, expect, it } from 'vitest';
import { decodeJwt, Permission, permissionsOf } from './permissions';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const jwt = (payload: unknown) => `${b64url({ alg: 'RS256' })}.${b64url(payload)}.sig`;

describe('decodeJwt', () => {
  it('reads the payload, including non-ASCII names', () => {
    const claims = decodeJwt(jwt({ sub: 'abc', preferred_username: 'paula', name: 'Paula Müller' }));
    expect(claims?.sub).toBe('abc');
    expect(claims?.name).toBe('Paula Müller');
  });

  it('returns null for garbage', () => {
    expect(decodeJwt('not-a-token')).toBeNull();
    expect(decodeJwt('a.%%%.c')).toBeNull();
    expect(decodeJwt(undefined)).toBeNull();
  });
});

describe('permissionsOf', () => {
  it('keeps only hub roles from realm_access and the API client', () => {
    const perms = permissionsOf({
      realm_access: { roles: ['default-roles-models-hub', 'offline_access', 'register-private-model', 'review-list'] },
      resource_access: { 'models-hub-api': { roles: ['review-decide'] }, account: { roles: ['manage-account'] } },
    });
    expect([...perms].sort()).toEqual([Permission.REGISTER_PRIVATE, Permission.REVIEW_DECIDE, Permission.REVIEW_LIST].sort());
  });

  it('is empty for anonymous', () => {
    expect(permissionsOf(null).size).toBe(0);
  });
});
