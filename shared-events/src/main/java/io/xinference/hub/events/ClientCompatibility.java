package io.xinference.hub.events;

import java.util.List;

/**
 * Which Xinference clients can load a definition. Definitions that use features added after v1.13.0
 * (list-valued {@code extra_index_url}, {@code fp4}, ggufv2 rerank specs, ...) break v1.13.0 clients.
 *
 * @param minimumClientVersion the oldest Xinference release that loads the definition
 * @param newerClientFeatures  JSON pointers of the parts that need a newer client, empty when v1.13.0 loads it
 */
public record ClientCompatibility(String minimumClientVersion, List<String> newerClientFeatures) {
    public static final String BASELINE_CLIENT = "1.13.0";

    public ClientCompatibility {
        newerClientFeatures = List.copyOf(newerClientFeatures);
    }

    public static ClientCompatibility allClients() {
        return new ClientCompatibility(BASELINE_CLIENT, List.of());
    }

    public boolean loadsOnBaselineClient() {
        return newerClientFeatures.isEmpty();
    }
}
