package io.xinference.hub.query.projection;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An Elasticsearch outage rolls the batch back (retried); anything else about an event parks it. */
class ProjectionFailurePolicyTest {

    private static final EventMessage<String> EVENT = GenericEventMessage.asEventMessage("payload");

    @Test
    void connectionFailuresAndOverloadAreTransient() {
        assertThat(TransientFailures.isTransient(new UncheckedIOException("cannot read",
                new ConnectException("Connection refused")))).isTrue();
        assertThat(TransientFailures.isTransient(elasticsearch(503))).isTrue();
        assertThat(TransientFailures.isTransient(elasticsearch(429))).isTrue();
        assertThat(TransientFailures.isTransient(elasticsearch(400))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("simulated poison"))).isFalse();
    }

    @Test
    void aPoisonEventIsParked() {
        EnqueueDecision<EventMessage<?>> decision = ProjectionFailurePolicy.decide(letter(),
                new IllegalStateException("simulated poison"));
        assertThat(decision.shouldEnqueue()).isTrue();
    }

    @Test
    void anOutageWhileProjectingFailsTheBatchInsteadOfParking() {
        Throwable outage = new UncheckedIOException("cannot read", new ConnectException("Connection refused"));
        assertThatThrownBy(() -> ProjectionFailurePolicy.decide(letter(), outage))
                .isInstanceOf(ProjectionFailurePolicy.ProjectionStoreUnavailable.class).hasRootCauseInstanceOf(
                        ConnectException.class);
    }

    @Test
    void anOutageWhileRetryingAParkedEventKeepsItParked() {
        Throwable outage = new UncheckedIOException("cannot read", new ConnectException("Connection refused"));
        DefaultUnitOfWork<EventMessage<?>> retry = DefaultUnitOfWork.startAndGet(EVENT);
        try {
            retry.resources().put(DeadLetter.class.getName(), letter());
            EnqueueDecision<EventMessage<?>> decision = ProjectionFailurePolicy.decide(letter(), outage);
            assertThat(decision.shouldEnqueue()).isTrue();
        } finally {
            retry.rollback();
        }
    }

    private static DeadLetter<EventMessage<?>> letter() {
        return new GenericDeadLetter<>("model-1", EVENT);
    }

    private static ElasticsearchException elasticsearch(int status) {
        return new ElasticsearchException("test", ErrorResponse.of(e -> e.status(status)
                .error(ErrorCause.of(c -> c.type("test").reason("status " + status)))));
    }
}
