package io.xinference.hub.query.visibility;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.xinference.hub.security.CurrentUser;

import java.util.List;

/**
 * {@link VisibilityPolicy} as an Elasticsearch filter over documents with {@code visibility}, {@code status} and
 * {@code owner.subject} fields. It goes into the query itself, so hits, totals and aggregations all agree:
 * a model the caller may not see does not exist for them, not even as a count.
 */
public final class VisibilityFilter {

    private VisibilityFilter() {
    }

    public static Query forUser(CurrentUser user) {
        BoolQuery.Builder anyOf = new BoolQuery.Builder().minimumShouldMatch("1");
        if (!user.isAnonymous()) {
            anyOf.should(q -> q.term(t -> t.field("owner.subject").value(user.subject())));
        }
        for (Grant grant : VisibilityPolicy.grantsFor(user)) {
            List<FieldValue> statuses = grant.statuses().stream().map(s -> FieldValue.of(s.name())).toList();
            anyOf.should(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("visibility").value(grant.visibility().name())))
                    .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(statuses))))));
        }
        return Query.of(q -> q.bool(anyOf.build()));
    }
}
