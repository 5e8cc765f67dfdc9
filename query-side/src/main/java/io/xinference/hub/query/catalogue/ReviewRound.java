package io.xinference.hub.query.catalogue;

import io.xinference.hub.events.Actor;

import java.time.Instant;

/** One review round as the model's detail page shows it; {@code decision} is null while the round is open. */
public record ReviewRound(int round, Instant submittedAt, Actor submitter, String decision, Actor reviewer,
                          String feedback, Instant decidedAt) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    ReviewRound decided(String decision, Actor reviewer, String feedback, Instant decidedAt) {
        return new ReviewRound(round, submittedAt, submitter, decision, reviewer, feedback, decidedAt);
    }
}
