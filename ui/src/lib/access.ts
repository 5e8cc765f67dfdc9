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
 * What the user guide's "Model Maintenance" allows this session on this model (the command-side's ModelPolicy):
 * private models by their owner or "manage any public model"; public and enterprise models by the matching
 * update / delete / expire permission, and by their owner while unpublished (draft, rejected) except expiring.
 * Only decides what the UI shows: the command-side has the last word (its 403 is shown as is).
 */
export function accessTo(model: Pick<ModelSummary, 'owner' | 'visibility' | 'status'>, session: Session | null): ModelAccess {
  if (!session) return { owner: false, update: false, expire: false, remove: false, submit: false, any: false };
  const has = (p: PermissionRole) => session.permissions.has(p);
  const owner = !!model.owner?.subject && model.owner.subject === session.subject;
  const unpublished = model.status === 'DRAFT' || model.status === 'REJECTED';
  let update: boolean;
  let expire: boolean;
  let remove: boolean;
  switch (model.visibility) {
    case 'PUBLIC':
      update = has(Permission.UPDATE_PUBLIC) || (owner && unpublished);
      remove = has(Permission.DELETE_PUBLIC) || (owner && unpublished);
      expire = has(Permission.EXPIRE_PUBLIC);
      break;
    case 'ENTERPRISE':
      update = has(Permission.UPDATE_ADVANCED) || (owner && unpublished);
      remove = has(Permission.DELETE_ADVANCED) || (owner && unpublished);
      expire = has(Permission.EXPIRE_ADVANCED);
      break;
    default:
      update = remove = expire = owner || has(Permission.MANAGE_ANY_PUBLIC);
  }
  const submit = owner && model.visibility !== 'PRIVATE';
  return { owner, update, expire, remove, submit, any: update || expire || remove };
}
