package io.xinference.hub.command.registration;

import io.xinference.hub.command.model.ModelPolicy;
import io.xinference.hub.command.model.RegisterModel;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Map;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * Records a registration's Idempotency-Key in the unit of work that registers the model, on whichever instance
 * handles the command: after the aggregate stored {@code ModelRegistered}, the key aggregate stores
 * {@code RegistrationKeyUsed} with the answer, and both are appended together. The key travels as command metadata
 * ({@link #with}); the model itself knows nothing of it (idempotency belongs to the HTTP request, not the model).
 */
@Component
class RegistrationKeyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY_ID = "hub.registration.keyId";
    static final String REQUEST_HASH = "hub.registration.requestHash";

    private final Configuration axon;

    RegistrationKeyInterceptor(@Lazy Configuration axon) {
        this.axon = axon;
    }

    /** The registration command carrying its key. */
    static CommandMessage<?> with(RegisterModel command, String keyId, String requestHash) {
        return asCommandMessage(command).andMetaData(Map.of(KEY_ID, keyId, REQUEST_HASH, requestHash));
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        CommandMessage<?> message = unitOfWork.getMessage();
        MetaData metaData = message.getMetaData();
        if (message.getPayload() instanceof RegisterModel registration && metaData.get(KEY_ID) instanceof String keyId
                && metaData.get(REQUEST_HASH) instanceof String requestHash) {
            UseRegistrationKey use = new UseRegistrationKey(keyId, requestHash, registration.modelId(),
                    registration.modelName(),
                    ModelPolicy.registrationStatus(registration.caller(), registration.visibility()));
            axon.repository(RegistrationKeyAggregate.class)
                    .loadOrCreate(keyId, () -> new RegistrationKeyAggregate(keyId))
                    .handle(asCommandMessage(use));
        }
        return result;
    }
}
