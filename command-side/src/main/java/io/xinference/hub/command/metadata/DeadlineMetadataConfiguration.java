package io.xinference.hub.command.metadata;

import org.axonframework.deadline.DeadlineManager;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's Spring Boot support registers dispatch interceptors on the gateway, but none on deadline managers. */
@Configuration(proxyBeanMethods = false)
class DeadlineMetadataConfiguration {

    @Bean
    InitializingBean deadlineMetadataStamping(DeadlineManager deadlines, EventMetadataStamping stamping) {
        return () -> deadlines.registerHandlerInterceptor(stamping);
    }
}
