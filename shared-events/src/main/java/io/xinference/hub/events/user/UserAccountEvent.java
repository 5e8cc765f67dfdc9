package io.xinference.hub.events.user;

/** Facts about a person's settings in the hub. Secrets never appear here: only that they changed. */
public sealed interface UserAccountEvent permits GithubTokenSet, GithubTokenCleared {

    /** The identity provider's subject of the person. */
    String userSubject();

    /** The person's username when the event happened. */
    String username();
}
