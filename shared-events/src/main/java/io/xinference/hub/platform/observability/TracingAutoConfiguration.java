package io.xinference.hub.platform.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.tracing.SpanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Axon's spans on the application's Micrometer tracer ({@link MicrometerSpanFactory}), in place of Axon's no-op
 * default: defined before Axon's tracing configuration, whose span factory steps back when one exists.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration")
@ConditionalOnClass({Tracer.class, SpanFactory.class})
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    public SpanFactory hubSpanFactory(Tracer tracer, Propagator propagator) {
        return new MicrometerSpanFactory(tracer, propagator);
    }
}
