package io.xinference.hub.command.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test files written by Python's {@code json.dumps(..., indent=2, ensure_ascii=False) + "\n"}, as in the repository. */
final class RepositoryTestFiles {

    private RepositoryTestFiles() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = RepositoryTestFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
