package io.xinference.hub.query.visibility;

import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.Visibility;

import java.util.Set;

/** "May see models of this visibility in these statuses", whoever owns them. */
public record Grant(Visibility visibility, Set<ModelStatus> statuses) {

    public Grant {
        statuses = Set.copyOf(statuses);
    }

    public boolean covers(Visibility visibility, ModelStatus status) {
        return this.visibility == visibility && statuses.contains(status);
    }
}
