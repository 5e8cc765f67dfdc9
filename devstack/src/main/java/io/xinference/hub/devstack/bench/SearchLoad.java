package io.xinference.hub.devstack.bench;


/**
 * Catalogue searches as a public maintainer (who sees every model, private ones included, so the whole catalogue
 * is searched): full text, filters, facets, sorted, one page of 20; a mix that repeats every six requests.
 */
final class SearchLoad {

    private static final String[] QUERIES = {
            "q=chat&size=20",
            "type=llm&sort=updated&size=20",
            "q=reasoning%20tokens&ability=chat&size=20",
            "owner=alice&sort=name&size=20",
            "q=qwen&type=llm&sort=featured&size=20",
            "visibility=PRIVATE&status=APPROVED&size=20"};

    private final HubClient hub;
    private final BenchTokens tokens;

    SearchLoad(HubClient hub, BenchTokens tokens) {
        this.hub = hub;
        this.tokens = tokens;
    }

    long visibleModels() {
        return hub.searchTotal(tokens.accessToken("paula"), "size=1");
    }

    LoadResult run(int clients, int seconds) throws Exception {
        String token = tokens.accessToken("paula");
        for (String query : QUERIES) {
            HubClient.read(hub.get(hub.search(token, query)).body());
        }
        return ClosedLoop.run(hub.http(), clients, seconds,
                n -> hub.search(token, QUERIES[n % QUERIES.length]));
    }

    static String mix() {
        return String.join(" · ", QUERIES);
    }
}
