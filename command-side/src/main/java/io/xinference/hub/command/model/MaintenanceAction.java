package io.xinference.hub.command.model;

import io.xinference.hub.security.HubPermission;
import io.xinference.hub.security.ModelGrants;

/** The three kinds of maintenance the user guide grants separately, with the permission a refusal names per
 * visibility (who holds which is {@link ModelGrants}). */
public enum MaintenanceAction {
    UPDATE(ModelGrants.Action.UPDATE, HubPermission.UPDATE_PUBLIC, HubPermission.UPDATE_ADVANCED),
    DELETE(ModelGrants.Action.DELETE, HubPermission.DELETE_PUBLIC, HubPermission.DELETE_ADVANCED),
    EXPIRE(ModelGrants.Action.EXPIRE, HubPermission.EXPIRE_PUBLIC, HubPermission.EXPIRE_ADVANCED);

    private final ModelGrants.Action grant;
    private final HubPermission onPublic;
    private final HubPermission onEnterprise;

    MaintenanceAction(ModelGrants.Action grant, HubPermission onPublic, HubPermission onEnterprise) {
        this.grant = grant;
        this.onPublic = onPublic;
        this.onEnterprise = onEnterprise;
    }

    /** The action in the table of grants. */
    ModelGrants.Action grant() {
        return grant;
    }

    HubPermission onPublic() {
        return onPublic;
    }

    HubPermission onEnterprise() {
        return onEnterprise;
    }
}
