package io.xinference.hub.command.sync;

/** The repository file is not the JSON array of model entries the hub expects: the hub refuses to rewrite it. */
public class InvalidRepositoryFileException extends Exception {
    public InvalidRepositoryFileException(String message) {
        super(message);
    }
}
