package io.xinference.hub.command.webhook;

import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventKindTest {

    @Test
    void everyModelEventHasAKindAndEveryKindAnEvent() throws Exception {
        Class<?>[] events = ModelEvent.class.getPermittedSubclasses();
        Set<EventKind> kinds = Arrays.stream(events)
                .map(type -> EventKind.of(instanceOf(type)))
                .collect(Collectors.toSet());

        assertThat(kinds).doesNotContainNull().containsExactlyInAnyOrder(EventKind.values());
    }

    @Test
    void wireNamesReadBack() {
        for (EventKind kind : EventKind.values()) {
            assertThat(EventKind.fromWire(kind.wire())).contains(kind);
        }
        assertThat(EventKind.fromWire("model.exploded")).isEmpty();
    }

    /** A record of an ENTERPRISE model with every other component null, zero or false: enough to tell its type. */
    private static ModelEvent instanceOf(Class<?> type) {
        try {
            var components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(c -> c.getType()).toArray(Class<?>[]::new);
            Object[] values = Arrays.stream(types).map(EventKindTest::valueFor).toArray();
            return (ModelEvent) type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object valueFor(Class<?> type) {
        if (type == Visibility.class) {
            return Visibility.ENTERPRISE;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type.isPrimitive()) {
            return 0; // int, the only other primitive model events carry
        }
        return null;
    }
}
