package io.xinference.hub.platform.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop answers exactly as Spring Security's expressions it replaces, for every kind of character. */
class PrintableTextTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheExpressionsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = "a" + new String(Character.toChars(codePoint)) + "z";
            assertThat(PrintableText.NAMES.test(text)).as("U+%04X as a name", codePoint)
                    .isEqualTo(NAMES.matcher(text).matches());
            assertThat(PrintableText.HEADER_VALUES.test(text)).as("U+%04X in a header value", codePoint)
                    .isEqualTo(HEADER_VALUES.matcher(text).matches());
        }
    }

    @Test
    void typicalHeadersPassAndControlCharactersDoNot() {
        List<String> accepted = new ArrayList<>(List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "application/json",
                "naïve ☕ 🚀"));
        accepted.forEach(text -> assertThat(PrintableText.HEADER_VALUES.test(text)).as(text).isTrue());
        assertThat(PrintableText.HEADER_VALUES.test("a\tb")).isTrue();
        assertThat(PrintableText.NAMES.test("a\tb")).isFalse();
        assertThat(PrintableText.HEADER_VALUES.test("evil\r\nSet-Cookie: x")).isFalse();
        assertThat(PrintableText.HEADER_VALUES.test("nul\u0000")).isFalse();
        assertThat(PrintableText.HEADER_VALUES.test("unassigned\u0378")).isFalse();
        // a lone surrogate is an assigned character (category Cs), as for the expressions
        assertThat(PrintableText.NAMES.test("x\ud800y")).isEqualTo(NAMES.matcher("x\ud800y").matches());
    }
}
