package io.xinference.hub.command.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * What server-side requests (webhook deliveries today) may reach ({@code hub.outbound.*}).
 *
 * @param schemes         URL schemes allowed; default {@code https} only
 * @param ports           ports allowed, single ({@code 443}) or ranges ({@code 8000-8999}); default {@code 443}
 * @param trustedNetworks address ranges ({@code 127.0.0.1/32}) reached although they are not public: for tests and
 *                        development only, empty by default, so every loopback, private, ... address is refused
 */
@ConfigurationProperties("hub.outbound")
public record OutboundProperties(List<String> schemes, List<String> ports, List<String> trustedNetworks) {

    public OutboundProperties {
        schemes = schemes == null || schemes.isEmpty() ? List.of("https") : List.copyOf(schemes);
        ports = ports == null || ports.isEmpty() ? List.of("443") : List.copyOf(ports);
        trustedNetworks = trustedNetworks == null ? List.of() : List.copyOf(trustedNetworks);
    }

    public static OutboundProperties defaults() {
        return new OutboundProperties(null, null, null);
    }
}
