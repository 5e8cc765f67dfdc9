package io.xinference.hub.command.usercenter;

import io.xinference.hub.events.user.GithubTokenCleared;
import io.xinference.hub.events.user.GithubTokenSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's settings in the hub, keyed by their identity-provider subject. It records that a GitHub token was set
 * or cleared; the token itself lives encrypted in {@link GithubTokens}, written in the same transaction.
 */
@Aggregate
public class UserAccount {

    @AggregateIdentifier
    private String userSubject;
    private boolean githubTokenSet;

    protected UserAccount() {
        // for Axon
    }

    public record RecordGithubTokenSet(@TargetAggregateIdentifier String userSubject, String username) {
    }

    public record RecordGithubTokenCleared(@TargetAggregateIdentifier String userSubject, String username) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordGithubTokenSet command) {
        apply(new GithubTokenSet(command.userSubject(), command.username()));
    }

    /** Clearing a token that is not set is harmless and records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordGithubTokenCleared command) {
        if (githubTokenSet) {
            apply(new GithubTokenCleared(command.userSubject(), command.username()));
        }
    }

    @EventSourcingHandler
    void on(GithubTokenSet event) {
        userSubject = event.userSubject();
        githubTokenSet = true;
    }

    @EventSourcingHandler
    void on(GithubTokenCleared event) {
        userSubject = event.userSubject();
        githubTokenSet = false;
    }
}
