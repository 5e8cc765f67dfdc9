import type { Session } from './auth';
import { Permission, type PermissionRole } from './permissions';
import type { ModelSummary } from './types';

export interface ModelAccess {
  owner: boolean;
  update: boolean;
  expire: boolean;
  remove: boolean;
  submit: boolean;
  any: boolean;
}

/**
 * What the user guide's "Model Maintenance" allows this session on this model. Only decides what the UI shows:
 * the command-side has the last word (its 403 is shown as is).
 */
export function accessTo(model: Pick<ModelSummary, 'owner' | 'visibility'>, session: Session | null): ModelAccess {
  const none = { owner: false, update: false, expire: false, remove: false, submit: false, any: false };
  if (!session) return none;
  const has = (p: PermissionRole) => session.permissions.has(p);
  const owner =
    (!!model.owner?.subject && model.owner.subject === session.subject) ||
    (!model.owner?.subject && !!model.owner?.username && model.owner.username === session.username);
  const admin = has(Permission.ADMIN);
  let update = owner || admin;
  let expire = owner || admin;
  let remove = owner || admin;
  switch (model.visibility) {
    case 'PUBLIC':
      update ||= has(Permission.UPDATE_PUBLIC) || has(Permission.MANAGE_ANY_PUBLIC);
      expire ||= has(Permission.EXPIRE_PUBLIC) || has(Permission.MANAGE_ANY_PUBLIC);
      remove ||= has(Permission.DELETE_PUBLIC) || has(Permission.MANAGE_ANY_PUBLIC);
      break;
    case 'ENTERPRISE':
      update ||= has(Permission.UPDATE_ADVANCED);
      expire ||= has(Permission.EXPIRE_ADVANCED);
      remove ||= has(Permission.DELETE_ADVANCED);
      break;
    case 'PRIVATE':
    default:
      update ||= has(Permission.MANAGE_ANY_PUBLIC);
      expire ||= has(Permission.MANAGE_ANY_PUBLIC);
      remove ||= has(Permission.MANAGE_ANY_PUBLIC);
  }
  return { owner, update, expire, remove, submit: owner, any: update || expire || remove };
}
