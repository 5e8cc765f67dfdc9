package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The byte format of Xinference's model JSON files: what Python's
 * {@code json.dump(data, f, indent=2, ensure_ascii=False)} writes, plus a trailing newline. Writing the same
 * format the repository's own tooling writes keeps a pull request's diff to the one entry that changed.
 *
 * <p>Jackson's pretty printer differs in every detail that matters here ({@code "key" : value}, inline arrays,
 * {@code 1.0E-5}), hence this small writer. Numbers are read as exact decimals so a float written by Python
 * ({@code 1e-05}, {@code 0.0001}, {@code 100.0}) is written back with the same characters.
 */
public final class RepositoryJsonFormat {

    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final String INDENT = "  ";

    private RepositoryJsonFormat() {
    }

    public static JsonNode read(byte[] utf8) throws IOException {
        return READER.readTree(utf8);
    }

    /** The whole file: the value, 2-space indented, non-ASCII unescaped, and a trailing newline. */
    public static byte[] write(JsonNode value) {
        StringBuilder out = new StringBuilder(4096);
        append(out, value, 0);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One value without the trailing newline, as it appears at the top level of a file. */
    static String text(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode value, int depth) {
        if (value.isObject()) {
            appendObject(out, value, depth);
        } else if (value.isArray()) {
            appendArray(out, value, depth);
        } else if (value.isTextual()) {
            appendString(out, value.textValue());
        } else if (value.isIntegralNumber()) {
            out.append(value.bigIntegerValue());
        } else if (value.isNumber()) {
            out.append(PythonFloat.repr(value));
        } else if (value.isBoolean()) {
            out.append(value.booleanValue() ? "true" : "false");
        } else if (value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
        }
    }

    private static void appendObject(StringBuilder out, JsonNode object, int depth) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            newline(out, depth + 1);
            appendString(out, field.getKey());
            out.append(": ");
            append(out, field.getValue(), depth + 1);
            if (fields.hasNext()) {
                out.append(',');
            }
        }
        newline(out, depth);
        out.append('}');
    }

    private static void appendArray(StringBuilder out, JsonNode array, int depth) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            newline(out, depth + 1);
            append(out, array.get(i), depth + 1);
            if (i < array.size() - 1) {
                out.append(',');
            }
        }
        newline(out, depth);
        out.append(']');
    }

    private static void newline(StringBuilder out, int depth) {
        out.append('\n');
        out.append(INDENT.repeat(depth));
    }

    /** Python's escaping with {@code ensure_ascii=False}: quotes, backslash and control characters only. */
    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Python's {@code repr(float)}: shortest digits, exponent form below 1e-4 and from 1e16 on. */
    static final class PythonFloat {

        private PythonFloat() {
        }

        static String repr(JsonNode number) {
            if (number.isDouble() || number.isFloat()) {
                double value = number.doubleValue();
                if (Double.isNaN(value)) {
                    return "NaN";
                }
                if (Double.isInfinite(value)) {
                    return value > 0 ? "Infinity" : "-Infinity";
                }
                if (value == 0) {
                    return (1 / value < 0) ? "-0.0" : "0.0";
                }
                return repr(new BigDecimal(Double.toString(value)));
            }
            return repr(number.decimalValue());
        }

        static String repr(BigDecimal value) {
            if (value.signum() == 0) {
                return "0.0";
            }
            BigDecimal stripped = value.stripTrailingZeros();
            String digits = stripped.unscaledValue().abs().toString();
            // value = 0.<digits> x 10^pointPosition, as in CPython's float formatting
            int pointPosition = digits.length() - stripped.scale();
            String sign = value.signum() < 0 ? "-" : "";
            if (pointPosition > -4 && pointPosition <= 16) {
                return sign + fixed(digits, pointPosition);
            }
            int exponent = pointPosition - 1;
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }

        private static String fixed(String digits, int pointPosition) {
            if (pointPosition <= 0) {
                return "0." + "0".repeat(-pointPosition) + digits;
            }
            if (pointPosition >= digits.length()) {
                return digits + "0".repeat(pointPosition - digits.length()) + ".0";
            }
            return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
        }
    }
}
