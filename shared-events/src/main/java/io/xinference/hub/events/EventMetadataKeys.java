package io.xinference.hub.events;

/** The metadata every event carries, added by one interceptor on the command side. */
public final class EventMetadataKeys {
    public static final String ACTOR_SUBJECT = "actorSubject";
    public static final String ACTOR_USERNAME = "actorUsername";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REQUEST_ID = "requestId";

    private EventMetadataKeys() {
    }
}
