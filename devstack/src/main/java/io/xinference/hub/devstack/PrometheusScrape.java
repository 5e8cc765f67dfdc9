package io.xinference.hub.devstack;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What tests read from an app's {@code /actuator/prometheus}: Prometheus' text format, one sample a line. */
public record PrometheusScrape(String text) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    /** The value of the first sample of {@code name} that carries every label given (others may be there too). */
    public OptionalDouble value(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            String present = sample.group(2) == null ? "" : sample.group(2);
            if (labels.entrySet().stream()
                    .allMatch(label -> present.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                return OptionalDouble.of(Double.parseDouble(sample.group(3)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The sum of every sample of {@code name} that carries every label given (e.g. over all payload types). */
    public double sum(String name, Map<String, String> labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name)) {
                String present = sample.group(2) == null ? "" : sample.group(2);
                if (labels.entrySet().stream()
                        .allMatch(label -> present.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                    sum += Double.parseDouble(sample.group(3));
                }
            }
        }
        return sum;
    }
}
