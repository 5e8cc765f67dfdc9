package io.xinference.hub.command.outbox;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Where the one outbox processor starts on a store that knew the three processors it replaced. */
class OutboxProcessingTest {

    private final InMemoryTokenStore tokens = new InMemoryTokenStore();

    @Test
    void startsWhereTheSlowestRetiredProcessorStopped() {
        tokens.initializeTokenSegments("notification-mail", 1, new GlobalSequenceTrackingToken(120));
        tokens.initializeTokenSegments("webhook-delivery", 1, new GlobalSequenceTrackingToken(118));
        tokens.initializeTokenSegments("repository-sync", 1, new GlobalSequenceTrackingToken(121));

        assertThat(OutboxProcessing.slowestRetired(tokens)).contains(new GlobalSequenceTrackingToken(118));
    }

    @Test
    void aRetiredProcessorThatNeverRanDoesNotCount() {
        tokens.initializeTokenSegments("repository-sync", 1, new GlobalSequenceTrackingToken(7));

        assertThat(OutboxProcessing.slowestRetired(tokens)).contains(new GlobalSequenceTrackingToken(7));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewHubHasNoneAndStartsAtTheHead() {
        TrackingToken head = new GlobalSequenceTrackingToken(42);
        StreamableMessageSource<TrackedEventMessage<?>> store = mock(StreamableMessageSource.class);
        when(store.createHeadToken()).thenReturn(head);

        assertThat(OutboxProcessing.slowestRetired(tokens)).isEmpty();
        assertThat(OutboxProcessing.initialToken(tokens, store)).isEqualTo(head);
    }
}
