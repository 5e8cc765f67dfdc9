package io.xinference.hub.query.catalogue;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a person types, as an Elasticsearch query over the catalogue mapping {@code catalogue-v2.json}.
 *
 * <p>Every whitespace-separated word must match somewhere. A word matches the name when the name starts with it,
 * or when each of its parts ({@link NameWords#split}) starts a word inside the name ({@code bge-rer} and
 * {@code Image} find {@code bge-reranker-v2-m3} and {@code Qwen-Image}), or is a name word with one typo (parts of
 * five characters or more); otherwise the abilities, the description or the README must hold it (one typo forgiven
 * there too).
 *
 * <p>Scores are tiers, not term statistics, so the order is the one people expect and stays put as the catalogue
 * grows: exact name (1000) &gt; name prefix (100) &gt; per word: word in name (10), typo in a name word (8),
 * ability or description (3), README (1). Ties fall back to the name (see {@link CatalogueSort#RELEVANCE}).
 */
final class RelevanceQuery {

    static final float EXACT_NAME = 1000, NAME_PREFIX = 100, NAME_WORD = 10, NAME_WORD_TYPO = 8,
            DESCRIPTION = 3, README = 1;
    /** No typo below five characters, one from five on: "one typo forgiven on longer words". */
    private static final String ONE_TYPO_ON_LONGER_WORDS = "AUTO:5,1000";
    /** Private-use characters around highlighted matches: the UI marks them up as text, never as HTML. */
    static final String MARK_START = "\uE000", MARK_END = "\uE001";
    private static final String NAME_LOWER_CASE = "nameSort";
    private static final String NAME_WORDS = "nameWords";

    private RelevanceQuery() {
    }

    /** The whole catalogue relevance query: every word required, name tiers as boosts. */
    static Query of(String text) {
        return build(text, true);
    }

    /** Names only (suggestions as you type): the same tiers without abilities, description and README. */
    static Query namesOnly(String text) {
        return build(text, false);
    }

    private static Query build(String text, boolean everywhere) {
        String whole = text.strip().toLowerCase(Locale.ROOT);
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (String word : words(whole)) {
            List<String> parts = NameWords.split(word);
            bool.must(m -> m.disMax(d -> {
                d.queries(constant(NAME_WORD, prefix(NAME_LOWER_CASE, word)));
                if (!parts.isEmpty()) {
                    d.queries(constant(NAME_WORD, all(parts, part -> prefix(NAME_WORDS, part))));
                    d.queries(constant(NAME_WORD_TYPO, all(parts, RelevanceQuery::nameWordWithTypo)));
                }
                if (everywhere) {
                    d.queries(constant(DESCRIPTION, match("abilities.text", word, null)));
                    d.queries(constant(DESCRIPTION, match("description", word, ONE_TYPO_ON_LONGER_WORDS)));
                    d.queries(constant(README, match("readme", word, ONE_TYPO_ON_LONGER_WORDS)));
                }
                return d;
            }));
        }
        bool.should(constant(EXACT_NAME, Query.of(q -> q.term(t -> t.field(NAME_LOWER_CASE).value(whole)))));
        bool.should(constant(NAME_PREFIX, prefix(NAME_LOWER_CASE, whole)));
        return Query.of(q -> q.bool(bool.build()));
    }

    /** Highlights of description and README (one fragment) marked with MARK_*; the name is marked by {@link #markName}. */
    static Highlight highlight() {
        return Highlight.of(h -> h.type(HighlighterType.Unified).preTags(MARK_START).postTags(MARK_END)
                .requireFieldMatch(true)
                .fields("description", f -> f.numberOfFragments(0))
                .fields("readme", f -> f.numberOfFragments(1).fragmentSize(140)));
    }

    /**
     * The name with the words the query's parts start marked (the prefix typed, not the whole word), or null when
     * nothing in the name matched (the hit came from its description or README).
     */
    static String markName(String name, String text) {
        if (name == null || text == null) {
            return null;
        }
        List<String> typed = NameWords.split(text);
        String lower = name.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[name.length()];
        boolean any = false;
        String whole = text.strip().toLowerCase(Locale.ROOT);
        if (!whole.isEmpty() && lower.startsWith(whole)) {
            Arrays.fill(marked, 0, whole.length(), true);
            any = true;
        }
        for (int[] span : NameWords.spans(name)) {
            String word = lower.substring(span[0], span[1]);
            for (String part : typed) {
                if (word.startsWith(part)) {
                    Arrays.fill(marked, span[0], span[0] + part.length(), true);
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            boolean starts = marked[i] && (i == 0 || !marked[i - 1]);
            boolean ends = !marked[i] && i > 0 && marked[i - 1];
            if (ends) out.append(MARK_END);
            if (starts) out.append(MARK_START);
            out.append(name.charAt(i));
        }
        if (marked[name.length() - 1]) out.append(MARK_END);
        return out.toString();
    }

    static List<String> words(String text) {
        return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static Query nameWordWithTypo(String part) {
        return Query.of(q -> q.fuzzy(f -> f.field(NAME_WORDS).value(part).fuzziness(ONE_TYPO_ON_LONGER_WORDS)
                .prefixLength(1)));
    }

    private static Query all(List<String> parts, java.util.function.Function<String, Query> each) {
        return Query.of(q -> q.bool(b -> {
            parts.forEach(part -> b.filter(each.apply(part)));
            return b;
        }));
    }

    private static Query prefix(String field, String value) {
        return Query.of(q -> q.prefix(p -> p.field(field).value(value)));
    }

    private static Query match(String field, String value, String fuzziness) {
        return Query.of(q -> q.match(m -> {
            m.field(field).query(value).operator(Operator.And);
            if (fuzziness != null) {
                m.fuzziness(fuzziness).prefixLength(1);
            }
            return m;
        }));
    }

    private static Query constant(float boost, Query filter) {
        return Query.of(q -> q.constantScore(c -> c.filter(filter).boost(boost)));
    }
}
