package io.xinference.hub.command.notification;

import java.util.Optional;

/** Where a person's mail address comes from: the identity provider in the app, a map in tests. */
@FunctionalInterface
public interface UserDirectory {

    /**
     * @return the person's verified-or-not address; empty when the person is unknown or has none
     * @throws DirectoryUnavailable when the directory could not answer (the mail is retried later)
     */
    Optional<String> emailOf(String subject);

    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
