import { describe, expect, it } from 'vitest';
import { accessTo } from './access';
import type { Session } from './auth';
import { Permission, type PermissionRole } from './permissions';

const session = (subject: string, ...perms: PermissionRole[]): Session => ({
  accessToken: 't',
  claims: {},
  subject,
  username: subject,
  displayName: subject,
  permissions: new Set(perms),
});
const owner = { subject: 'alice', username: 'alice' };

describe('accessTo', () => {
  it('gives anonymous nothing', () => {
    expect(accessTo({ owner, visibility: 'PUBLIC', status: 'APPROVED' }, null).any).toBe(false);
  });

  it('lets the owner maintain a private model, and manage-any-public-model holders too', () => {
    expect(accessTo({ owner, visibility: 'PRIVATE', status: 'APPROVED' }, session('alice'))).toMatchObject({ update: true, expire: true, remove: true, submit: false });
    expect(accessTo({ owner, visibility: 'PRIVATE', status: 'APPROVED' }, session('bob')).any).toBe(false);
    expect(accessTo({ owner, visibility: 'PRIVATE', status: 'APPROVED' }, session('paula', Permission.MANAGE_ANY_PUBLIC)).update).toBe(true);
  });

  it('lets the owner edit and resubmit an unpublished public model but not expire it', () => {
    const a = accessTo({ owner, visibility: 'PUBLIC', status: 'REJECTED' }, session('alice'));
    expect(a).toMatchObject({ update: true, remove: true, expire: false, submit: true });
    expect(accessTo({ owner, visibility: 'PUBLIC', status: 'APPROVED' }, session('alice')).update).toBe(false);
  });

  it('needs the per-action permission for published public and enterprise models', () => {
    const paula = session('paula', Permission.UPDATE_PUBLIC, Permission.EXPIRE_PUBLIC);
    expect(accessTo({ owner, visibility: 'PUBLIC', status: 'APPROVED' }, paula)).toMatchObject({ update: true, expire: true, remove: false });
    expect(accessTo({ owner, visibility: 'ENTERPRISE', status: 'APPROVED' }, paula).any).toBe(false);
    const erin = session('erin', Permission.DELETE_ADVANCED);
    expect(accessTo({ owner, visibility: 'ENTERPRISE', status: 'APPROVED' }, erin)).toMatchObject({ update: false, remove: true });
  });
});
