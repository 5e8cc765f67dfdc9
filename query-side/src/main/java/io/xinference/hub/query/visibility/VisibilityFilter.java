package io.xinference.hub.query.visibility;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.ModelGrants;

import java.util.Collection;
import java.util.List;

/**
 * {@link ModelGrants} as an Elasticsearch filter over documents with {@code visibility}, {@code status} and
 * {@code owner.subject} fields: one clause per set of cells the caller sees ({@link ModelGrants#seenBy}). It goes
 * into the query itself, so hits, totals and aggregations all agree: a model the caller may not see does not
 * exist for them, not even as a count.
 */
public final class VisibilityFilter {

    private VisibilityFilter() {
    }

    public static Query forUser(CurrentUser user) {
        BoolQuery.Builder anyOf = new BoolQuery.Builder().minimumShouldMatch("1");
        for (ModelGrants.SeenCells cells : ModelGrants.seenBy(user)) {
            anyOf.should(q -> q.bool(b -> {
                b.filter(f -> f.terms(t -> t.field("visibility").terms(v -> v.value(values(cells.visibilities())))))
                        .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(values(cells.statuses())))));
                if (cells.ownerSubject() != null) {
                    b.filter(f -> f.term(t -> t.field("owner.subject").value(cells.ownerSubject())));
                }
                return b;
            }));
        }
        return Query.of(q -> q.bool(anyOf.build()));
    }

    private static List<FieldValue> values(Collection<? extends Enum<?>> constants) {
        return constants.stream().map(constant -> FieldValue.of(constant.name())).toList();
    }
}
