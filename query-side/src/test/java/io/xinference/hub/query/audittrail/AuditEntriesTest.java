package io.xinference.hub.query.audittrail;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ExpiryCause;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.projection.EventFacts;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEntriesTest {

    static final Actor RITA = new Actor("r", "rita");

    @Test
    void theActorComesFromMetadataFirst() {
        Actor fromMetadata = new Actor("adam-sub", "adam");
        AuditEntry entry = AuditEntries.of(new ModelApproved("id", "M", ModelType.LLM, Visibility.PUBLIC, 2, RITA,
                null), new EventFacts("e", 5, Instant.EPOCH, fromMetadata, "c", "r"));
        assertThat(entry.actor()).isEqualTo(fromMetadata);
        assertThat(entry.entryId()).isEqualTo("id:5");
        assertThat(entry.action()).isEqualTo("ModelApproved");
        assertThat(entry.correlationId()).isEqualTo("c");
        assertThat(entry.summary()).isEqualTo("approved review round 2 of llm model M");
    }

    @Test
    void withoutMetadataTheEventsOwnPersonOrTheSystemActs() {
        assertThat(AuditEntries.of(new ModelApproved("id", "M", ModelType.LLM, Visibility.PUBLIC, 2, RITA, null),
                new EventFacts("e", 5, Instant.EPOCH, null, null, null)).actor()).isEqualTo(RITA);
        assertThat(AuditEntries.of(new ModelExpired("id", "M", ModelType.LLM, Visibility.PUBLIC, ExpiryCause.SCHEDULED),
                new EventFacts("e", 6, Instant.EPOCH, null, null, null)).actor()).isEqualTo(Actor.SYSTEM);
    }
}
