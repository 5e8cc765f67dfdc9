package io.xinference.hub.devstack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The authorization matrices' table format, shared by both apps' {@code AuthorizationMatrixIT}: one line per
 * endpoint and object case, {@code METHOD /path | case | status per persona} (in the persona enum's order;
 * {@code -} where the cell does not apply), {@code #} starts a comment line.
 */
public final class AuthorizationTable {

    private AuthorizationTable() {
    }

    public record Row<P extends Enum<P>>(String method, String path, String kase, EnumMap<P, Integer> expected) {
    }

    public static <P extends Enum<P>> List<Row<P>> parse(String table, Class<P> personaType) {
        P[] personas = personaType.getEnumConstants();
        List<Row<P>> rows = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\|");
            String[] endpoint = columns[0].strip().split(" ");
            String[] statuses = columns[2].strip().split("\\s+");
            if (statuses.length != personas.length) {
                throw new IllegalArgumentException("row needs " + personas.length + " statuses: " + line);
            }
            EnumMap<P, Integer> expected = new EnumMap<>(personaType);
            for (P persona : personas) {
                String status = statuses[persona.ordinal()];
                if (!status.equals("-")) {
                    expected.put(persona, Integer.parseInt(status));
                }
            }
            rows.add(new Row<>(endpoint[0], endpoint[1], columns[1].strip(), expected));
        }
        return rows;
    }

    /** Every {@code METHOD /path} an app documents in its OpenAPI {@code paths}, as the table writes endpoints. */
    public static Set<String> documentedEndpoints(JsonNode openApiPaths) {
        Set<String> endpoints = new TreeSet<>();
        openApiPaths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                endpoints.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return endpoints;
    }
}
