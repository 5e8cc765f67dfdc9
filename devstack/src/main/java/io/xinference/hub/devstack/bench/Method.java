package io.xinference.hub.devstack.bench;

/** How each figure is taken: the text at the end of every report. */
final class Method {

    private Method() {
    }

    static final String TEXT = """
            - **Commands**: N client threads (closed loop), each as alice or bob with a real Keycloak token: one in
              three operations registers a private LLM model (`POST /api/registry/models`), two in three replace the
              definition of one of the client's own models (`PUT /{id}/definition`). Each is one event. The
              per-user write limit (`HUB_WRITES_PER_MINUTE`, default 120 a minute) is lifted for the run: it is a
              policy, and at its default two users could send 4 commands/s.
            - **Raw insert**: the very event rows those commands stored (payload, metadata, types) inserted by the
              same number of threads, one row per transaction (`INSERT` + `COMMIT`), into `bench_raw_event_entry`, a
              `LIKE domain_event_entry INCLUDING ALL` copy (same indexes and unique constraints, its own sequence)
              in the same database, so no projection picks them up. It measures what PostgreSQL on this machine can
              commit, with nothing else in the path.
            - **Projection lag**: commands sent at a fixed rate (open loop, asynchronous HTTP, at most 256
              unanswered); for every command, the time from its answer until the catalogue document shows the
              answered version, watched by one real-time `_mget` every 50 ms for all outstanding models (the same
              real-time read the detail page does, without loading the query side with one poll per command).
              One command in 20 also asks `GET /api/catalogue/models/{id}?minVersion=<version>` (the UI's
              read-your-writes, which waits on the server ≤ 5 s), and one registration in 20 is polled by search
              every 100 ms until its name is found (that includes Elasticsearch's 1 s refresh).
            - **Search**: closed loop over a fixed mix of six queries (full text, filters, facets, sort), one page
              of 20, after the store was seeded to the stated number of models.
            - **Seeding**: copies of the models the command API created, made inside PostgreSQL (new model ids,
              event ids and names, consecutive global indices, one transaction per 200 copies); for search the
              live projections then catch up, which is timed too; for the rebuild both apps are stopped while
              seeding and start again with every processor's token at the new head (only the rebuild reads
              the copies).
            - **Rebuild**: `POST /api/admin/rebuilds/catalogue` as admin, polled until `DONE`; rate = events (or
              documents) ÷ (finishedAt − startedAt) as the query side reports them. Limit: the documents of the
              rebuilt index exported to NDJSON files first, then bulk-loaded (each file read from the page cache
              just before it is sent) into a fresh index with the same mapping, by one client in batches of 500,
              timed up to a refresh. The store's read rate: every row of
              `domain_event_entry` streamed over JDBC in global order (fetch size 1000).
            - **Download**: `GET /api/models/download?model_type=llm` with no `Accept-Encoding` vs the same bytes
              saved as a file and served by the same query-side process through Spring MVC's resource handler
              (`spring.mvc.static-path-pattern=/bench-static/**`); two interleaved rounds each; gzip as a third case.
            - **Memory**: `VmRSS` and `VmHWM` from `/proc/<pid>/status` of each app after each phase.
            """;
}
