package io.xinference.hub.query.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.query.it.EventStoreFixture;
import io.xinference.hub.query.it.Personas;
import io.xinference.hub.query.it.QuerySideITSupport;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.xinference.hub.security.HubPermission.ADMIN;
import static io.xinference.hub.security.HubPermission.AUDIT_READ;
import static io.xinference.hub.security.HubPermission.REGISTER_PRIVATE;
import static io.xinference.hub.security.HubPermission.REVIEW_DECIDE;
import static io.xinference.hub.security.HubPermission.REVIEW_LIST;
import static io.xinference.hub.security.HubPermission.VIEW_ADVANCED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The query API's search, paging, audit and Xinference endpoints fed arbitrary query parameters (known names with
 * awkward values, repeated, or made-up names) and path segments, as every kind of caller: every answer must be a
 * success or a 4xx RFC 9457 problem naming what was wrong, never a 5xx (a query Elasticsearch refuses included).
 * On the module's one shared app (MockMvc, real PostgreSQL and Elasticsearch) with a few models of every status.
 * Saved inputs under {@code QueryApiFuzzITInputs/} run with the other ITs; {@code ./hub fuzz} fuzzes it.
 */
public class QueryApiFuzzIT extends QuerySideITSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor OWNER = new Actor("fuzz-owner-" + RUN, "fuzz-owner");
    private static final Personas[] CALLERS = {
            Personas.of("anonymous", null),
            Personas.of("fuzz-owner", OWNER.subject(), REGISTER_PRIVATE),
            Personas.of("reviewer", "fuzz-rita-" + RUN, REVIEW_LIST, REVIEW_DECIDE),
            Personas.of("auditor", "fuzz-audrey-" + RUN, AUDIT_READ, VIEW_ADVANCED),
            Personas.of("admin", "fuzz-adam-" + RUN, ADMIN)};

    /** Values that tend to break parsing, paging and query building. */
    private static final String[] AWKWARD = {"", " ", "0", "-1", "1", "2147483648", "9223372036854775808", "1e308",
            "NaN", "Infinity", "-0", "0x10", "llm", "LLM", "embedding", "chat", "en", "pytorch", "APPROVED", "PUBLIC",
            "name", "updated", "featured", "ndjson", "csv", "json", "2027-01-31T00:00:00Z", "2027-02-30",
            "+1000000000-01-01T00:00:00Z", "*", "?", "\\", "\"", "/", "a:b", "(", "[", "{", "~", "AND", "OR NOT",
            "field:value", "\u0000", "\uD800", "模型", "%00", "../", "eyJ9", "eyJzb3J0IjpbIngiXX0", "!!", "a".repeat(300),
            "fuzz-owner"};

    private enum Endpoint {
        SEARCH("/api/catalogue/models", "q", "type", "ability", "language", "format", "minSize", "maxSize", "status",
                "visibility", "owner", "sort", "cursor", "size"),
        MY_MODELS("/api/catalogue/my-models", "q", "type", "status", "visibility", "sort", "cursor", "size"),
        BY_ID("/api/catalogue/models/{id}"),
        BY_NAME("/api/catalogue/models/by-name/{id}"),
        REVIEW_QUEUE("/api/review-queue", "cursor", "size"),
        AUDIT_TRAIL("/api/audit-trail", "actor", "modelId", "action", "from", "to", "cursor", "size"),
        AUDIT_EXPORT("/api/audit-trail/export", "from", "to", "actor", "modelId", "format"),
        HISTORY("/api/audit-trail/models/{id}/history"),
        STATE("/api/audit-trail/models/{id}/state", "at", "version"),
        DIFF("/api/audit-trail/models/{id}/diff", "from", "to"),
        INTEGRITY("/api/audit-trail/models/{id}/integrity"),
        DOWNLOAD("/api/models/download", "model_type", "model_name"),
        XINFERENCE_MODEL("/api/models/{id}"),
        XINFERENCE_LIST("/api/models", "order", "query", "page", "pageSize"),
        DEAD_LETTERS("/api/admin/projections"),
        REBUILD("/api/admin/rebuilds/{id}"),
        UNKNOWN("/api/catalogue/{id}", "q");

        final String path;
        final String[] parameters;

        Endpoint(String path, String... parameters) {
            this.path = path;
            this.parameters = parameters;
        }
    }

    private static List<EventStoreFixture.Model> models;

    /** A few models of every status and visibility, once per run, so searches, facets and paging have content. */
    private List<EventStoreFixture.Model> models() {
        if (models == null) {
            List<EventStoreFixture.Model> made = new java.util.ArrayList<>();
            int i = 0;
            for (ModelStatus status : List.of(ModelStatus.APPROVED, ModelStatus.PENDING_REVIEW, ModelStatus.DRAFT)) {
                for (Visibility visibility : Visibility.values()) {
                    for (String type : List.of("llm", "embedding")) {
                        String name = "fuzz-" + RUN + "-" + i++;
                        EventStoreFixture.Model model = EventStoreFixture.model(name, ModelType.valueOf(type.toUpperCase()),
                                visibility, OWNER);
                        var definition = Fixtures.definition(type);
                        definition.put("model_name", name);
                        events.register(model, definition, status, null);
                        made.add(model);
                    }
                }
            }
            models = made;
        }
        return models;
    }

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"llm", "APPROVED", "PUBLIC", "updated", "featured", "ndjson", "2027-01-31T00:00:00Z"})
    void everyQueryIsAnsweredWithSuccessOrAProblem(FuzzedDataProvider data) throws Exception {
        List<EventStoreFixture.Model> known = models();
        Endpoint endpoint = data.pickValue(Endpoint.values());
        Personas caller = data.pickValue(CALLERS);
        String segment = switch (data.consumeInt(0, 3)) {
            case 0 -> data.pickValue(known).id();
            case 1 -> data.pickValue(known).name();
            case 2 -> data.pickValue(AWKWARD);
            default -> data.consumeString(80);
        };
        MockHttpServletRequestBuilder request = endpoint.path.contains("{id}")
                ? get(endpoint.path, segment) : get(endpoint.path);
        StringBuilder query = new StringBuilder();
        int parameters = data.consumeInt(0, 6);
        for (int i = 0; i < parameters; i++) {
            String name = endpoint.parameters.length > 0 && data.consumeInt(0, 5) > 0
                    ? data.pickValue(endpoint.parameters) : data.consumeString(12);
            String value = switch (data.consumeInt(0, 3)) {
                case 0 -> data.pickValue(AWKWARD);
                case 1 -> String.valueOf(data.consumeLong());
                case 2 -> data.pickValue(known).id();
                default -> data.consumeString(120);
            };
            if (name.isEmpty()) {
                continue; // MockMvc cannot build "?=value"; Tomcat hands such a pair to no parameter anyway
            }
            request.queryParam(name, value);
            query.append(name).append('=').append(value).append('&');
        }
        String accept = data.consumeBoolean() ? data.pickValue(new String[]{"application/json", "text/html",
                "application/xml", "*/*", "application/x-ndjson", "text/csv", "application/problem+json", "nonsense"})
                : null;
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (data.consumeBoolean()) {
            request.header("Accept-Encoding", "gzip");
        }
        request.with(caller.token());

        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) { // streamed answers (the audit export) finish in a dispatch
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        MockHttpServletResponse answer = result.getResponse();

        int status = answer.getStatus();
        String what = endpoint + " " + segment + " ?" + query + " Accept " + accept + " as " + caller + " -> "
                + status + " " + answer.getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).as("never a server error: %s", what).isBetween(200, 499);
        if (status >= 400 && acceptsJson(accept)) {
            assertIsProblem(answer, what);
        }
    }

    /**
     * A client that accepts no JSON may get the status without a body (content negotiation); one that accepts
     * plain JSON only gets the problem as {@code application/json}.
     */
    private static boolean acceptsJson(String accept) {
        try {
            return accept == null || MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                            || type.isCompatibleWith(MediaType.APPLICATION_JSON));
        } catch (IllegalArgumentException unparsable) { // InvalidMediaTypeException
            return false;
        }
    }

    private static void assertIsProblem(MockHttpServletResponse answer, String what) throws IOException {
        assertThat(answer.getContentType()).as("problem media type: %s", what).isNotNull();
        MediaType type = MediaType.parseMediaType(answer.getContentType());
        assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON) || type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON))
                .as("problem media type: %s", what).isTrue();
        JsonNode problem = JSON.readTree(answer.getContentAsByteArray());
        assertThat(problem.path("status").asInt()).as("status in the problem: %s", what).isEqualTo(answer.getStatus());
        assertThat(problem.path("title").asText()).as("title: %s", what).isNotBlank();
        for (JsonNode error : problem.path("errors")) {
            assertThat(error.path("pointer").asText()).as("what the error is about: %s", what).isNotBlank();
            assertThat(error.path("message").asText()).as("message: %s", what).isNotBlank();
        }
    }
}
