package io.xinference.hub.events.user;

import org.axonframework.serialization.Revision;

/** The person removed their GitHub token; pull requests fall back to the hub's bot token. */
@Revision("1")
public record GithubTokenCleared(String userSubject, String username) implements UserAccountEvent {
}
