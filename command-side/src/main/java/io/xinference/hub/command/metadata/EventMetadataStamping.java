package io.xinference.hub.command.metadata;

import io.xinference.hub.command.model.CommandByCaller;
import io.xinference.hub.events.Actor;
import io.xinference.hub.platform.web.CorrelationIdFilter;
import io.xinference.hub.security.CurrentUser;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static io.xinference.hub.events.EventMetadataKeys.ACTOR_SUBJECT;
import static io.xinference.hub.events.EventMetadataKeys.ACTOR_USERNAME;
import static io.xinference.hub.events.EventMetadataKeys.CORRELATION_ID;
import static io.xinference.hub.events.EventMetadataKeys.REQUEST_ID;

/**
 * The one place that says who and why on every event. On dispatch it stamps each command with the acting user
 * (from the command) and the request's correlation and request ids (from the {@link CorrelationIdFilter}); as
 * Axon's correlation data provider it copies those four onto every event the command causes. An expiry deadline
 * acts as {@link Actor#SYSTEM}, keeps the correlation id of the request that scheduled it and gets its own
 * request id (the deadline message's id); as a deadline handler interceptor it brings that provider into the
 * deadline's unit of work.
 */
@Component
public class EventMetadataStamping implements MessageDispatchInterceptor<CommandMessage<?>>,
        MessageHandlerInterceptor<DeadlineMessage<?>>, CorrelationDataProvider {

    private static final List<String> KEYS = List.of(ACTOR_SUBJECT, ACTOR_USERNAME, CORRELATION_ID, REQUEST_ID);

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(stamp(command));
    }

    /**
     * Deadline managers run handlers in a unit of work without the configured correlation data providers; without
     * this, a scheduled expiry would store an event that says nothing about who or why.
     */
    @Override
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        unitOfWork.registerCorrelationDataProvider(this);
        return chain.proceed();
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        KEYS.forEach(key -> {
            if (message.getMetaData().containsKey(key)) {
                data.put(key, message.getMetaData().get(key));
            }
        });
        if (message instanceof DeadlineMessage<?>) {
            data.put(ACTOR_SUBJECT, Actor.SYSTEM.subject());
            data.put(ACTOR_USERNAME, Actor.SYSTEM.username());
            data.put(REQUEST_ID, message.getIdentifier());
            data.putIfAbsent(CORRELATION_ID, message.getIdentifier());
        }
        return data;
    }

    private static MetaData stamp(CommandMessage<?> command) {
        Map<String, Object> stamp = new HashMap<>();
        if (command.getPayload() instanceof CommandByCaller byCaller && !byCaller.caller().isAnonymous()) {
            CurrentUser caller = byCaller.caller();
            stamp.put(ACTOR_SUBJECT, caller.subject());
            stamp.put(ACTOR_USERNAME, caller.username());
        }
        String requestId = MDC.get(CorrelationIdFilter.REQUEST_MDC_KEY);
        String correlationId = MDC.get(CorrelationIdFilter.CORRELATION_MDC_KEY);
        stamp.put(REQUEST_ID, requestId != null ? requestId : command.getIdentifier());
        stamp.put(CORRELATION_ID, correlationId != null ? correlationId : stamp.get(REQUEST_ID));
        // what the caller already put on the command wins: a replayed or forwarded command keeps its origin
        stamp.putAll(command.getMetaData());
        return MetaData.from(stamp);
    }
}
