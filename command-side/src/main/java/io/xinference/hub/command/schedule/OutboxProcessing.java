package io.xinference.hub.command.schedule;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * How a process that turns events into outbox rows (mails, webhook deliveries) consumes the event stream.
 * Axon's default logs a failing handler and moves on; a notification must not be lost that way, so errors
 * propagate and the batch is retried. A hub that gains such a process starts at the head of the event stream:
 * nobody is told today about what happened before. Once the token is stored, restarts continue from it.
 */
public final class OutboxProcessing {

    private OutboxProcessing() {
    }

    public static ConfigurerModule fromStreamHead(String processingGroup) {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(processingGroup,
                        configuration -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessorConfiguration(processingGroup,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
