package io.xinference.hub.query.projection;

import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelReadmeUpdated;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;

/** Fields every model event restates but that {@link ModelEvent} does not declare. */
public final class ModelEvents {

    private ModelEvents() {
    }

    public static ModelType typeOf(ModelEvent event) {
        if (event instanceof ModelRegistered e) return e.modelType();
        if (event instanceof ModelDefinitionUpdated e) return e.modelType();
        if (event instanceof ModelReadmeUpdated e) return e.modelType();
        if (event instanceof ModelSubmittedForReview e) return e.modelType();
        if (event instanceof ModelSubmissionWithdrawn e) return e.modelType();
        if (event instanceof ModelApproved e) return e.modelType();
        if (event instanceof ModelRejected e) return e.modelType();
        if (event instanceof ModelExpirationDateSet e) return e.modelType();
        if (event instanceof ModelExpired e) return e.modelType();
        if (event instanceof ModelDeleted e) return e.modelType();
        return null;
    }

    public static Visibility visibilityOf(ModelEvent event) {
        if (event instanceof ModelRegistered e) return e.visibility();
        if (event instanceof ModelDefinitionUpdated e) return e.visibility();
        if (event instanceof ModelReadmeUpdated e) return e.visibility();
        if (event instanceof ModelSubmittedForReview e) return e.visibility();
        if (event instanceof ModelSubmissionWithdrawn e) return e.visibility();
        if (event instanceof ModelApproved e) return e.visibility();
        if (event instanceof ModelRejected e) return e.visibility();
        if (event instanceof ModelExpirationDateSet e) return e.visibility();
        if (event instanceof ModelExpired e) return e.visibility();
        if (event instanceof ModelDeleted e) return e.visibility();
        return null;
    }

}
