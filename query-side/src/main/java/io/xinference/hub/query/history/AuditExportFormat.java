package io.xinference.hub.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.query.audittrail.AuditEntry;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** How one audit entry is written to an export: NDJSON (one JSON object a line) or CSV (RFC 4180). */
public enum AuditExportFormat {

    NDJSON("application/x-ndjson", "ndjson") {
        @Override
        public void header(Writer out) {
        }

        @Override
        public void write(AuditEntry entry, Writer out, ObjectMapper json) throws IOException {
            out.write(json.writeValueAsString(entry));
            out.write('\n');
        }
    },
    CSV("text/csv", "csv") {
        @Override
        public void header(Writer out) throws IOException {
            out.write(String.join(",", COLUMNS));
            out.write("\r\n");
        }

        @Override
        public void write(AuditEntry entry, Writer out, ObjectMapper json) throws IOException {
            List<Object> values = java.util.Arrays.asList(entry.timestamp(), entry.eventId(), entry.modelId(),
                    entry.modelName(), entry.modelType() == null ? null : entry.modelType().wire(),
                    entry.visibility(), entry.action(), entry.sequence(),
                    entry.actor() == null ? null : entry.actor().subject(),
                    entry.actor() == null ? null : entry.actor().username(), entry.correlationId(),
                    entry.requestId(), entry.summary());
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(cell(values.get(i)));
            }
            out.write("\r\n");
        }
    };

    static final List<String> COLUMNS = List.of("timestamp", "eventId", "modelId", "modelName", "modelType",
            "visibility", "action", "sequence", "actorSubject", "actorUsername", "correlationId", "requestId",
            "summary");

    private final String mediaType;
    private final String extension;

    AuditExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public abstract void header(Writer out) throws IOException;

    public abstract void write(AuditEntry entry, Writer out, ObjectMapper json) throws IOException;

    /**
     * Quotes a cell when it must, and defuses a leading {@code = + - @} (a spreadsheet would run it as a formula:
     * summaries and names are user-controlled text).
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
