package io.xinference.hub.query.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How the pooled streaming processors of several query instances share segments through the token store's
 * claims. A claim is refreshed every third of the claim timeout
 * ({@code axon.eventhandling.tokenstore.claim-timeout}, env {@code HUB_TOKEN_CLAIM_TIMEOUT}, default 10 s), not
 * at Axon's fixed 5 s, so a shorter timeout stays usable: a live instance loses a claim only if it stalls for two
 * thirds of the timeout (a long GC pause, a starved CPU; its unfinished batch is then applied again by the new
 * owner, which versions make harmless). Each instance
 * looks for unclaimed or expired segments every {@code HUB_TOKEN_CLAIM_INTERVAL} ms (default 2000). So a
 * stopped instance's segments move within the claim interval, a killed one's within claim timeout + interval.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorClaims {

    @Autowired
    void refreshClaimsWithinTheTimeout(EventProcessingConfigurer configurer,
                                       @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        long threshold = Math.max(500, claimTimeout.toMillis() / 3);
        configurer.registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(threshold));
    }
}
