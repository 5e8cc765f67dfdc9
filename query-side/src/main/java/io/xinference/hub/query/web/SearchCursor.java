package io.xinference.hub.query.web;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque {@code search_after} cursor: the last hit's sort values as base64url JSON. Opaque to callers, so the
 * sort can change without breaking the API; decoding is strict, so a forged cursor is a 400, not a 500.
 */
public final class SearchCursor {

    public static final int MAX_LENGTH = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchCursor() {
    }

    public static String encode(List<FieldValue> sortValues) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (FieldValue value : sortValues) {
            if (value.isLong()) array.add(value.longValue());
            else if (value.isDouble()) array.add(value.doubleValue());
            else if (value.isBoolean()) array.add(value.booleanValue());
            else if (value.isString()) array.add(value.stringValue());
            else array.addNull();
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** @param expectedSize how many sort values the current sort has */
    public static List<FieldValue> decode(String cursor, int expectedSize) {
        if (cursor.length() > MAX_LENGTH) {
            throw new BadRequestException("cursor", "cursor too long");
        }
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (Exception e) {
            throw new BadRequestException("cursor", "malformed cursor");
        }
        if (node == null || !node.isArray() || node.size() != expectedSize) {
            throw new BadRequestException("cursor", "cursor does not fit this sort");
        }
        List<FieldValue> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (element.isIntegralNumber()) values.add(FieldValue.of(element.asLong()));
            else if (element.isNumber()) values.add(FieldValue.of(element.asDouble()));
            else if (element.isBoolean()) values.add(FieldValue.of(element.asBoolean()));
            else if (element.isTextual()) values.add(FieldValue.of(element.asText()));
            else if (element.isNull()) values.add(FieldValue.NULL);
            else throw new BadRequestException("cursor", "malformed cursor");
        }
        return values;
    }
}
