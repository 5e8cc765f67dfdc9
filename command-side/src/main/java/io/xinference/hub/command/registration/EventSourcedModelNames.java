package io.xinference.hub.command.registration;

import io.xinference.hub.command.model.ModelNames;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * {@link ModelNames} as {@link ModelNameAggregate}s, loaded and changed inside the unit of work of the model command
 * that asks (not sent over the command bus, which with Axon Server could route them to another instance): their
 * events are appended with the model's, in one PostgreSQL transaction or one Axon Server append.
 */
@Component
class EventSourcedModelNames implements ModelNames {

    private final Configuration axon;

    EventSourcedModelNames(@Lazy Configuration axon) {
        this.axon = axon;
    }

    @Override
    public boolean claim(String name, String modelId) {
        ClaimModelName claim = ClaimModelName.of(name, modelId);
        return Boolean.TRUE.equals(handle(load(claim.nameKey(), true), asCommandMessage(claim)));
    }

    @Override
    public void release(String name, String modelId) {
        ReleaseModelName release = ReleaseModelName.of(name, modelId);
        Aggregate<ModelNameAggregate> aggregate = load(release.nameKey(), false);
        if (aggregate != null) {
            handle(aggregate, asCommandMessage(release));
        }
    }

    private Aggregate<ModelNameAggregate> load(String nameKey, boolean createIfMissing) {
        Repository<ModelNameAggregate> names = axon.repository(ModelNameAggregate.class);
        try {
            return createIfMissing ? names.loadOrCreate(nameKey, () -> new ModelNameAggregate(nameKey))
                    : names.load(nameKey);
        } catch (AggregateNotFoundException never) {
            return null; // never claimed (a model older than the name aggregates that was not migrated)
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not load the name " + nameKey, e);
        }
    }

    private static Object handle(Aggregate<ModelNameAggregate> aggregate, Message<?> command) {
        try {
            return aggregate.handle(command);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
