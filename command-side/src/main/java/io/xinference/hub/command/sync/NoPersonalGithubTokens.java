package io.xinference.hub.command.sync;

import java.util.Optional;

/**
 * Until the user center stores personal tokens, nobody has one and every pull request uses the bot token. The
 * user-center implementation replaces this bean.
 */
public class NoPersonalGithubTokens implements GithubTokenSource {

    @Override
    public Optional<String> tokenOf(String userSubject) {
        return Optional.empty();
    }
}
