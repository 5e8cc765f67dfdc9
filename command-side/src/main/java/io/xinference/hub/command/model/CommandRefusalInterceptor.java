package io.xinference.hub.command.model;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Wraps each refusal of the rules in a {@link CommandExecutionException} carrying {@link CommandRefusal} details,
 * so it keeps its meaning across Axon Server ({@code HUB_AXON_SERVER=true}); the unit of work still rolls back.
 */
@Component
public class CommandRefusalInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (RuntimeException failure) {
            CommandRefusal refusal = CommandRefusal.of(failure).orElse(null);
            if (refusal == null) {
                throw failure;
            }
            throw new CommandExecutionException(failure.getMessage(), failure, refusal);
        }
    }
}
