package io.xinference.hub.command.metadata;

import io.xinference.hub.command.model.ExpiryDue;
import io.xinference.hub.command.model.ExpireModel;
import io.xinference.hub.platform.web.CorrelationIdFilter;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.xinference.hub.events.EventMetadataKeys.*;
import static org.assertj.core.api.Assertions.assertThat;

class EventMetadataStampingTest {

    private static final CurrentUser ALICE = new CurrentUser("sub-alice", "alice", Set.of(HubPermission.REGISTER_PRIVATE));

    private final EventMetadataStamping stamping = new EventMetadataStamping();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void commandIsStampedWithTheCallerAndTheRequestsIds() {
        MDC.put(CorrelationIdFilter.REQUEST_MDC_KEY, "request-1");
        MDC.put(CorrelationIdFilter.CORRELATION_MDC_KEY, "ui-action-7");

        CommandMessage<?> stamped = dispatch(GenericCommandMessage.asCommandMessage(new ExpireModel("m", null, ALICE)));

        assertThat(stamped.getMetaData()).containsEntry(ACTOR_SUBJECT, "sub-alice").containsEntry(ACTOR_USERNAME, "alice")
                .containsEntry(REQUEST_ID, "request-1").containsEntry(CORRELATION_ID, "ui-action-7");
    }

    @Test
    void outsideARequestTheCommandsOwnIdServesAsRequestAndCorrelationId() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new ExpireModel("m", null, ALICE));

        CommandMessage<?> stamped = dispatch(command);

        assertThat(stamped.getMetaData()).containsEntry(REQUEST_ID, command.getIdentifier())
                .containsEntry(CORRELATION_ID, command.getIdentifier());
    }

    @Test
    void metadataTheSenderSetWins() {
        MDC.put(CorrelationIdFilter.CORRELATION_MDC_KEY, "from-request");
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new ExpireModel("m", null, ALICE))
                .andMetaData(Map.of(CORRELATION_ID, "forwarded"));

        assertThat(dispatch(command).getMetaData()).containsEntry(CORRELATION_ID, "forwarded");
    }

    @Test
    void eventsGetExactlyTheFourKeysOfTheirCommand() {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new ExpireModel("m", null, ALICE))
                .andMetaData(Map.of(ACTOR_SUBJECT, "s", ACTOR_USERNAME, "u", CORRELATION_ID, "c", REQUEST_ID, "r",
                        "unrelated", "x"));

        assertThat(stamping.correlationDataFor(command))
                .isEqualTo(Map.of(ACTOR_SUBJECT, "s", ACTOR_USERNAME, "u", CORRELATION_ID, "c", REQUEST_ID, "r"));
    }

    @Test
    void scheduledExpiryActsAsTheSystemAndKeepsTheOriginalCorrelation() {
        GenericDeadlineMessage<ExpiryDue> deadline = new GenericDeadlineMessage<>("model-expiry",
                new GenericCommandMessage<>(new ExpiryDue(Instant.EPOCH), MetaData.from(Map.of(
                        ACTOR_SUBJECT, "sub-alice", ACTOR_USERNAME, "alice", CORRELATION_ID, "ui-action-7",
                        REQUEST_ID, "request-1"))), Instant::now);

        Map<String, Object> data = Map.copyOf(stamping.correlationDataFor(deadline));

        assertThat(data).containsEntry(ACTOR_SUBJECT, "system").containsEntry(ACTOR_USERNAME, "system")
                .containsEntry(CORRELATION_ID, "ui-action-7").containsEntry(REQUEST_ID, deadline.getIdentifier());
    }

    private CommandMessage<?> dispatch(CommandMessage<?> command) {
        return stamping.handle(List.of(command)).apply(0, command);
    }
}
