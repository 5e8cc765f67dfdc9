package io.xinference.hub.query.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportFormatTest {

    @Test
    void quotesCellsWithSeparatorsQuotesOrLineBreaks() {
        assertThat(AuditExportFormat.cell("plain")).isEqualTo("plain");
        assertThat(AuditExportFormat.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExportFormat.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(AuditExportFormat.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditExportFormat.cell(null)).isEmpty();
    }

    @Test
    void defusesSpreadsheetFormulas() {
        assertThat(AuditExportFormat.cell("=HYPERLINK(\"x\")")).startsWith("\"'=");
        assertThat(AuditExportFormat.cell("+1")).isEqualTo("'+1");
        assertThat(AuditExportFormat.cell("@cmd")).isEqualTo("'@cmd");
    }
}
