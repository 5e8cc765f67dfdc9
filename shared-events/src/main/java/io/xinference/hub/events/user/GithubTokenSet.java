package io.xinference.hub.events.user;

import org.axonframework.serialization.Revision;

/** The person stored a GitHub token for pull requests. The token itself stays encrypted in the hub's store. */
@Revision("1")
public record GithubTokenSet(String userSubject, String username) implements UserAccountEvent {
}
