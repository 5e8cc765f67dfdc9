package io.xinference.hub.command.sync;

/** What one successful sync run did on GitHub. */
public sealed interface PublishOutcome {

    record Opened(int number, String url, String branch, String title) implements PublishOutcome {
    }

    record Updated(int number, String url, String branch, String title) implements PublishOutcome {
    }

    /** Nothing to commit: the base branch or the open pull request already says this. */
    record Unchanged(String reason) implements PublishOutcome {
    }
}
