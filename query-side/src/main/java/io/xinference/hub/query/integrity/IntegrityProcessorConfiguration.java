package io.xinference.hub.query.integrity;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * An anchoring failure must stop the integrity processor (it retries with back-off) rather than be logged and
 * skipped, which is Axon's default: a skipped event would be a hole in the chain.
 */
@Configuration(proxyBeanMethods = false)
public class IntegrityProcessorConfiguration {

    @Autowired
    void propagateErrors(EventProcessingConfigurer configurer) {
        configurer.registerListenerInvocationErrorHandler(IntegrityAnchoring.PROCESSING_GROUP,
                configuration -> PropagatingErrorHandler.instance());
    }
}
