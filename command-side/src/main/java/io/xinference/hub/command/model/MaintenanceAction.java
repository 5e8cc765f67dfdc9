package io.xinference.hub.command.model;

import io.xinference.hub.security.HubPermission;

/** The three kinds of maintenance the user guide grants separately, with the permission each needs per visibility. */
public enum MaintenanceAction {
    UPDATE(HubPermission.UPDATE_PUBLIC, HubPermission.UPDATE_ADVANCED),
    DELETE(HubPermission.DELETE_PUBLIC, HubPermission.DELETE_ADVANCED),
    EXPIRE(HubPermission.EXPIRE_PUBLIC, HubPermission.EXPIRE_ADVANCED);

    private final HubPermission onPublic;
    private final HubPermission onEnterprise;

    MaintenanceAction(HubPermission onPublic, HubPermission onEnterprise) {
        this.onPublic = onPublic;
        this.onEnterprise = onEnterprise;
    }

    HubPermission onPublic() {
        return onPublic;
    }

    HubPermission onEnterprise() {
        return onEnterprise;
    }
}
