package io.xinference.hub.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who sees which model, written out by hand and independent of the production table ({@code ModelGrants} in
 * shared-events): the one test table that drives the Java predicate's test (shared-events), the Elasticsearch
 * filter's test (query-side {@code VisibilityMatrixIT}), both apps' {@code AuthorizationMatrixIT} (every object
 * cell there is 404 exactly when this table says "not seen") and the cross-app comparison (fault-tests).
 *
 * <p>A persona is a set of realm roles (the role names of {@code HubPermission}); the owner owns every model. A
 * cell is {@code VISIBILITY:STATUS}; {@code x} = seen, {@code .} = not. Statuses in the order of
 * {@code ModelStatus}: DRAFT, PENDING_REVIEW, REJECTED, APPROVED, EXPIRED, DELETED.
 */
public final class VisibilityTable {

    public static final List<String> VISIBILITIES = List.of("PRIVATE", "PUBLIC", "ENTERPRISE");
    public static final List<String> STATUSES = List.of("DRAFT", "PENDING_REVIEW", "REJECTED", "APPROVED", "EXPIRED",
            "DELETED");

    /** A caller of the table: its name, whether it owns the models, and its realm roles. */
    public record Persona(String name, boolean owner, List<String> roles) {
        public boolean anonymous() {
            return name.equals("anonymous");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    //                                             PRIVATE       PUBLIC        ENTERPRISE
    //                                             D P R A E X   D P R A E X   D P R A E X
    private static final String TABLE = """
            anonymous             |                | . . . . . .   . . . x . .   . . . . . .
            plain user            | register-private-model | . . . . . .   . . . x . .   . . . . . .
            owner                 | register-private-model register-public-model register-enterprise-model | x x x x x x   x x x x x x   x x x x x x
            viewer                | view-advanced-model | . . . . . .   . . . x . .   . . . x . .
            reviewer              | review-list review-decide | . . . . . .   x x x x . .   x x x . . .
            public maintainer     | manage-any-public-model update-public-model delete-public-model expire-public-model | x x x x x x   x x x x x x   . . . . . .
            enterprise maintainer | update-advanced-model delete-advanced-model expire-advanced-model view-advanced-model | . . . . . .   . . . x . .   x x x x x x
            auditor               | audit-read | x x x x x x   x x x x x x   x x x x x x
            admin                 | hub-admin | x x x x x x   x x x x x x   x x x x x x
            """;

    private static final Map<Persona, Set<String>> SEEN = parse();

    private VisibilityTable() {
    }

    public static List<Persona> personas() {
        return List.copyOf(SEEN.keySet());
    }

    public static Persona persona(String name) {
        return SEEN.keySet().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no persona " + name));
    }

    /** The {@code VISIBILITY:STATUS} cells the persona sees. */
    public static Set<String> seenBy(Persona persona) {
        return SEEN.get(persona);
    }

    public static boolean sees(Persona persona, String visibility, String status) {
        return SEEN.get(persona).contains(visibility + ":" + status);
    }

    /** All 18 cells. */
    public static List<String> cells() {
        List<String> cells = new ArrayList<>();
        VISIBILITIES.forEach(v -> STATUSES.forEach(s -> cells.add(v + ":" + s)));
        return cells;
    }

    private static Map<Persona, Set<String>> parse() {
        Map<Persona, Set<String>> seen = new LinkedHashMap<>();
        List<String> cells = cells();
        for (String line : TABLE.strip().split("\n")) {
            String[] columns = line.split("\\|");
            String name = columns[0].strip();
            String roles = columns[1].strip();
            String[] marks = columns[2].strip().split("\\s+");
            if (marks.length != cells.size()) {
                throw new IllegalArgumentException("row needs " + cells.size() + " marks: " + line);
            }
            Set<String> visible = new TreeSet<>();
            for (int i = 0; i < marks.length; i++) {
                if (marks[i].equals("x")) {
                    visible.add(cells.get(i));
                }
            }
            seen.put(new Persona(name, name.equals("owner"), roles.isEmpty() ? List.of() : List.of(roles.split(" "))),
                    visible);
        }
        return seen;
    }
}
