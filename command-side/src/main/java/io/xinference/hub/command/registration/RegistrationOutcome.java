package io.xinference.hub.command.registration;

import io.xinference.hub.command.model.ModelChanged;

/** The answer to a registration, and whether it is the stored answer to an earlier request with the same key. */
record RegistrationOutcome(ModelChanged answer, boolean replayed) {
}
