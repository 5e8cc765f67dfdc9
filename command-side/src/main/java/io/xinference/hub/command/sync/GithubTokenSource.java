package io.xinference.hub.command.sync;

import java.util.Optional;

/**
 * A person's own GitHub token, set in their user center. Pull requests are opened with it when there is one, so
 * they appear under the person's name; otherwise the hub's bot token is used.
 */
public interface GithubTokenSource {

    /** The token of the person with this identity-provider subject, if they stored one. */
    Optional<String> tokenOf(String userSubject);
}
