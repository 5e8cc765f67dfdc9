package io.xinference.hub.command.outbox;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one event processor of the command side's side effects ({@value #PROCESSING_GROUP}): the mail, webhook and
 * repository-sync handlers share its tracking token, so a batch of events becomes their outbox rows and the new
 * token in <em>one</em> PostgreSQL transaction (it was three processors, three tokens and three transactions per
 * event). What the rows ask for is then done by {@link OutboxPoller}.
 * <p>
 * Axon's default logs a failing handler and moves on; a notification must not be lost that way, so errors
 * propagate and the whole batch (every feature's rows with the token) is rolled back and retried: at least once,
 * and exactly once for the rows of one event.
 * <p>
 * A hub whose store has no token for this processor starts where the slowest of the three processors it replaces
 * ({@link #RETIRED_PROCESSORS}) stopped, so an upgrade neither skips nor repeats much; a new hub starts at the head
 * of the event stream (nobody is told about what happened before).
 */
public final class OutboxProcessing {

    public static final String PROCESSING_GROUP = "outbox";
    /** The processors of the mail, webhook and sync handlers before they shared one token. */
    static final List<String> RETIRED_PROCESSORS = List.of("notification-mail", "webhook-delivery", "repository-sync");
    private static final int BATCH_SIZE = 50;

    private OutboxProcessing() {
    }

    public static ConfigurerModule configuration() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(source -> initialToken(
                                        configuration.getComponent(TokenStore.class), source)));
    }

    /** Called by Axon inside the transaction that creates this processor's token. */
    static TrackingToken initialToken(TokenStore tokens, StreamableMessageSource<?> source) {
        return slowestRetired(tokens).orElseGet(source::createHeadToken);
    }

    static Optional<TrackingToken> slowestRetired(TokenStore tokens) {
        return RETIRED_PROCESSORS.stream()
                .map(name -> quietly(() -> tokens.fetchToken(name, 0)))
                .filter(Objects::nonNull)
                .filter(token -> token.position().isPresent())
                .min(Comparator.comparingLong(token -> token.position().getAsLong()));
    }

    private static TrackingToken quietly(Supplier<TrackingToken> fetch) {
        try {
            return fetch.get();
        } catch (UnableToClaimTokenException none) {
            return null; // that processor never ran here (or still runs on an old instance)
        }
    }
}
