package io.xinference.hub.platform.observability;

import io.micrometer.tracing.Span.Kind;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.Message;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanAttributesProvider;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.SpanScope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Axon's tracing hooks (command dispatch and handling, event publication, event processors) on Micrometer
 * Tracing, so one trace runs from the HTTP request through the command to the events and every projection that
 * handles them, across both apps: the trace context travels in each message's metadata (W3C {@code traceparent}),
 * and every span names the hub's correlation id ({@code hub.correlation_id}). Axon's own OpenTelemetry module
 * would do the same; it is not available to this build. Sampling and export are Spring Boot's
 * ({@code management.tracing.*}, {@code management.otlp.tracing.endpoint}); unsampled spans cost next to nothing.
 */
public class MicrometerSpanFactory implements SpanFactory {

    static final String CORRELATION_ID_METADATA = "correlationId";
    static final String CORRELATION_ID_TAG = "hub.correlation_id";

    private final Tracer tracer;
    private final Propagator propagator;
    private final List<SpanAttributesProvider> attributeProviders = new CopyOnWriteArrayList<>();

    public MicrometerSpanFactory(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Span createRootTrace(Supplier<String> operationName) {
        return new TracedSpan(tracer.spanBuilder().setNoParent().name(operationName.get()));
    }

    @Override
    public Span createHandlerSpan(Supplier<String> operationName, Message<?> parentMessage, boolean isChildTrace,
                                  Message<?>... linkedParents) {
        io.micrometer.tracing.Span.Builder builder = isChildTrace
                ? propagator.extract(parentMessage.getMetaData(), MicrometerSpanFactory::metadataValue)
                : tracer.spanBuilder().setNoParent();
        return new TracedSpan(describe(builder.name(operationName.get()).kind(Kind.CONSUMER), parentMessage));
    }

    @Override
    public Span createDispatchSpan(Supplier<String> operationName, Message<?> parentMessage,
                                   Message<?>... linkedSiblings) {
        return new TracedSpan(describe(tracer.spanBuilder().name(operationName.get()).kind(Kind.PRODUCER),
                parentMessage));
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationName) {
        return new TracedSpan(tracer.spanBuilder().name(operationName.get()));
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationName, Message<?> message) {
        return new TracedSpan(describe(tracer.spanBuilder().name(operationName.get()), message));
    }

    @Override
    public void registerSpanAttributeProvider(SpanAttributesProvider provider) {
        attributeProviders.add(provider);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M extends Message<?>> M propagateContext(M message) {
        io.micrometer.tracing.Span current = tracer.currentSpan();
        if (current == null) {
            return message;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.isEmpty() ? message : (M) message.andMetaData(carrier);
    }

    private io.micrometer.tracing.Span.Builder describe(io.micrometer.tracing.Span.Builder builder,
                                                        Message<?> message) {
        if (message == null) {
            return builder;
        }
        Object correlationId = message.getMetaData().get(CORRELATION_ID_METADATA);
        if (correlationId != null) {
            builder.tag(CORRELATION_ID_TAG, correlationId.toString());
        }
        for (SpanAttributesProvider provider : attributeProviders) {
            provider.provideForMessage(message).forEach(builder::tag);
        }
        return builder;
    }

    private static String metadataValue(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    /** Axon's span over a Micrometer span that starts when Axon starts it. */
    private final class TracedSpan implements Span {

        private final io.micrometer.tracing.Span.Builder builder;
        private io.micrometer.tracing.Span span;

        TracedSpan(io.micrometer.tracing.Span.Builder builder) {
            this.builder = builder;
        }

        @Override
        public Span start() {
            span = builder.start();
            return this;
        }

        @Override
        public SpanScope makeCurrent() {
            Tracer.SpanInScope scope = tracer.withSpan(span);
            return scope::close;
        }

        @Override
        public void end() {
            if (span != null) {
                span.end();
            }
        }

        @Override
        public Span recordException(Throwable t) {
            if (span != null) {
                span.error(t);
            }
            return this;
        }

        @Override
        public Span addAttribute(String key, String value) {
            if (span != null) {
                span.tag(key, value);
            } else {
                builder.tag(key, value);
            }
            return this;
        }
    }
}
