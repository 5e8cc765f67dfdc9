package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RepositoryJsonFormatTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void aFileWrittenByPythonIsWrittenBackByteForByte() throws Exception {
        byte[] python = RepositoryTestFiles.bytes("all-types.json");

        byte[] rewritten = RepositoryJsonFormat.write(RepositoryJsonFormat.read(python));

        assertThat(new String(rewritten, StandardCharsets.UTF_8)).isEqualTo(new String(python, StandardCharsets.UTF_8));
        assertThat(rewritten).isEqualTo(python);
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8NotEscaped() {
        ObjectNode entry = NODES.objectNode().put("model_description", "中文 🚀");

        String written = new String(RepositoryJsonFormat.write(entry), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("{\n  \"model_description\": \"中文 🚀\"\n}\n");
    }

    @Test
    void controlCharactersUsePythonsEscapes() {
        ArrayNode values = NODES.arrayNode().add("a\"b\\c\n\t\u0001\u007f");

        assertThat(RepositoryJsonFormat.text(values)).isEqualTo("[\n  \"a\\\"b\\\\c\\n\\t\\u0001\u007f\"\n]");
    }

    @Test
    void emptyContainersStayOnOneLine() {
        ObjectNode entry = NODES.objectNode();
        entry.putArray("stop");
        entry.putObject("virtualenv");

        assertThat(RepositoryJsonFormat.text(entry)).isEqualTo("{\n  \"stop\": [],\n  \"virtualenv\": {}\n}");
    }

    @ParameterizedTest
    @CsvSource({"0.00001, 1e-05", "0.0001, 0.0001", "100, 100.0", "1E16, 1e+16", "1E15, 1000000000000000.0",
            "0.7, 0.7", "-7.250, -7.25", "2.5E+20, 2.5e+20", "1.5E-7, 1.5e-07", "0, 0.0"})
    void floatsAreWrittenAsPythonsRepr(String decimal, String python) {
        assertThat(RepositoryJsonFormat.PythonFloat.repr(new BigDecimal(decimal))).isEqualTo(python);
    }

    @Test
    void floatsFromAJavaDoubleMatchPythonToo() {
        assertThat(RepositoryJsonFormat.text(NODES.numberNode(1e-5))).isEqualTo("1e-05");
        assertThat(RepositoryJsonFormat.text(NODES.numberNode(0.7))).isEqualTo("0.7");
        assertThat(RepositoryJsonFormat.text(NODES.numberNode(-0.0))).isEqualTo("-0.0");
    }

    /** Property: for any JSON value, writing, reading and writing again gives the same bytes and the same value. */
    @Test
    void writingIsStableAndLosslessForGeneratedValues() throws Exception {
        Random random = new Random(20261127);
        ObjectMapper plain = new ObjectMapper();
        for (int i = 0; i < 500; i++) {
            JsonNode value = RandomJson.value(random, 0);

            byte[] once = RepositoryJsonFormat.write(value);
            JsonNode reread = RepositoryJsonFormat.read(once);
            byte[] twice = RepositoryJsonFormat.write(reread);

            assertThat(twice).as("case %d: %s", i, value).isEqualTo(once);
            assertThat(plain.readTree(once)).as("case %d", i).isEqualTo(plain.readTree(plain.writeValueAsBytes(value)));
            assertThat(once[once.length - 1]).isEqualTo((byte) '\n');
        }
    }
}
