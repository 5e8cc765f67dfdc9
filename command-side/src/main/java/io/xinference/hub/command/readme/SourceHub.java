package io.xinference.hub.command.readme;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** A model hub a definition's {@code model_src} names, and where it serves a repository's raw README. */
public enum SourceHub {
    HUGGINGFACE("huggingface", "main") {
        @Override
        URI readmeUri(ReadmeProperties properties, String modelId, String revision) {
            return URI.create(properties.huggingfaceUrl() + "/" + modelId + "/raw/" + encode(revision)
                    + "/README.md");
        }
    },
    MODELSCOPE("modelscope", "master") {
        @Override
        URI readmeUri(ReadmeProperties properties, String modelId, String revision) {
            return URI.create(properties.modelscopeUrl() + "/api/v1/models/" + modelId + "/repo?Revision="
                    + encode(revision) + "&FilePath=README.md");
        }
    };

    private final String wire;
    private final String defaultRevision;

    SourceHub(String wire, String defaultRevision) {
        this.wire = wire;
        this.defaultRevision = defaultRevision;
    }

    public String wire() {
        return wire;
    }

    public String defaultRevision() {
        return defaultRevision;
    }

    abstract URI readmeUri(ReadmeProperties properties, String modelId, String revision);

    public static Optional<SourceHub> fromWire(String value) {
        return Arrays.stream(values()).filter(hub -> hub.wire.equals(value)).findFirst();
    }

    private static String encode(String revision) {
        return URLEncoder.encode(revision, StandardCharsets.UTF_8);
    }
}
