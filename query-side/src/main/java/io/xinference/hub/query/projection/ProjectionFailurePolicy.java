package io.xinference.hub.query.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * What a failing projection handler does with its event, for every processing group with a dead-letter queue
 * (catalogue, review-queue, audit-trail).
 * <ul>
 *   <li>Something about the event (a handler bug, data the fold cannot take): the event is parked in the group's
 *       dead-letter queue, per model, and every other model keeps projecting (Axon's default policy).</li>
 *   <li>Elasticsearch unreachable or overloaded ({@link TransientFailures}): <em>not</em> parked. An outage is
 *       not a poison event; parking would put every event of the outage (and every later event of the same
 *       models, queued behind them) in the queue until an admin retried it. Instead the failure is rethrown:
 *       the whole batch rolls back, its token does not advance, and the pooled processor retries the segment
 *       with back-off, so the projection catches up by itself once Elasticsearch answers again. The bulk write
 *       at the batch's commit ({@code PendingWrites}) already failed this way.</li>
 * </ul>
 * An admin's retry of parked events ({@code DeadLetterController}) while Elasticsearch is down keeps them parked.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionFailurePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionFailurePolicy.class);

    @Autowired
    void configure(EventProcessingConfigurer configurer) {
        configurer.registerDefaultDeadLetterPolicy(configuration -> policy());
    }

    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> decide(letter, cause);
    }

    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (!TransientFailures.isTransient(cause)) {
            // as Axon's default policy: the message cut to fit the queue's cause column
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        }
        if (isDeadLetterRetry()) {
            return Decisions.requeue(ThrowableCause.truncated(cause));
        }
        LOG.warn("Elasticsearch unavailable while projecting event {} ({}): the batch is retried, not dead-lettered",
                letter.message().getIdentifier(), cause.toString());
        throw new ProjectionStoreUnavailable(cause);
    }

    /** Axon processes a parked letter in a unit of work of its own that holds the letter as a resource. */
    public static boolean isDeadLetterRetry() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }

    /** Rolls the batch back so the processor retries it; never parked. */
    public static class ProjectionStoreUnavailable extends RuntimeException {
        ProjectionStoreUnavailable(Throwable cause) {
            super("Elasticsearch unavailable: " + cause.getMessage(), cause);
        }
    }
}
