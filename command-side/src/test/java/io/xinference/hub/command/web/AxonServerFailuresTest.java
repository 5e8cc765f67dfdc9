package io.xinference.hub.command.web;

import io.axoniq.axonserver.connector.AxonServerException;
import io.axoniq.axonserver.connector.ErrorCategory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What Axon Server mode's failures answer: the exceptions as the connector wraps them (seen with HUB_AXON_SERVER=true). */
class AxonServerFailuresTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(java.time.Duration.ofSeconds(5));

    @Test
    void aCommandAxonServerCouldNotDeliverIsA503WithRetryAfter() {
        // what a registration got with Axon Server unreachable: CompletionException(AxonServerException AXONIQ-4003)
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new CompletionException(new AxonServerException(
                ErrorCategory.COMMAND_DISPATCH_ERROR, "Received exception while dispatching command", "test")));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getType().toString()).endsWith(":store-unavailable");
    }

    @Test
    void anAppendTheServerRefusedForAConcurrentChangeIsA409() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("wrapped",
                new ConcurrencyException("AXONIQ-2000 invalid sequence")));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getType().toString()).endsWith("concurrent-change");
    }

    @Test
    void anythingElseStaysAnInternalError() {
        assertThat(advice.unexpected(new IllegalStateException("boom")).getStatusCode().value()).isEqualTo(500);
    }
}
