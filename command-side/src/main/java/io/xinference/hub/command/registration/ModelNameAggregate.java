package io.xinference.hub.command.registration;

import io.xinference.hub.events.registry.ModelNameClaimed;
import io.xinference.hub.events.registry.ModelNameReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One model name, ignoring letter case: who holds it. A registration claims it and a deletion releases it inside
 * the model's own command ({@link EventSourcedModelNames}), so the claim is stored with the model's events or not
 * at all, and two registrations of one name conflict in the event store itself (both append this aggregate's
 * next event; the store takes one). That holds with PostgreSQL and with Axon Server alike.
 */
@Aggregate
public class ModelNameAggregate {

    private static final String PREFIX = "model-name:";

    @AggregateIdentifier
    private String nameKey;
    private String holder;

    protected ModelNameAggregate() {
        // for Axon: rebuilt from events
    }

    ModelNameAggregate(String nameKey) {
        this.nameKey = nameKey; // a name nobody claimed yet
    }

    /** The aggregate of a name: every letter case of it is one aggregate. */
    public static String idOf(String modelName) {
        return PREFIX + modelName.toLowerCase(Locale.ROOT);
    }

    /** True when the model holds the name now (claimed here, or already by this same model); false when another does. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ClaimModelName command) {
        if (holder == null) {
            apply(new ModelNameClaimed(command.nameKey(), command.modelName(), command.modelId()));
            return true;
        }
        return holder.equals(command.modelId());
    }

    /** Only the holder releases; anything else (a model that never held it) changes nothing. */
    @CommandHandler
    public void handle(ReleaseModelName command) {
        if (command.modelId().equals(holder)) {
            apply(new ModelNameReleased(nameKey, command.modelName(), command.modelId()));
        }
    }

    @EventSourcingHandler
    void on(ModelNameClaimed event) {
        nameKey = event.nameKey();
        holder = event.modelId();
    }

    @EventSourcingHandler
    void on(ModelNameReleased event) {
        holder = null;
    }
}
