package io.xinference.hub.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A horizontal grouped bar chart as a small self-contained SVG file: one group per measure, one bar per series. */
final class SvgBarChart {

    record Bar(String series, double value, String label) {
    }

    private record Group(String title, List<Bar> bars) {
    }

    private static final String[] COLORS = {"#3b6fb6", "#e08a2c", "#59a14f", "#b0483f"};
    private static final int WIDTH = 980;
    private static final int LABEL_WIDTH = 260;
    private static final int BAR_HEIGHT = 18;
    private static final int GROUP_GAP = 16;

    private final String title;
    private final List<String> series;
    private final List<Group> groups = new ArrayList<>();
    private Double marker;
    private String markerLabel;

    SvgBarChart(String title, List<String> series) {
        this.title = title;
        this.series = series;
    }

    SvgBarChart group(String groupTitle, List<Bar> bars) {
        groups.add(new Group(groupTitle, bars));
        return this;
    }

    /** A dashed vertical line at {@code value}, e.g. a target. */
    SvgBarChart marker(double value, String label) {
        this.marker = value;
        this.markerLabel = label;
        return this;
    }

    void write(Path file) throws IOException {
        double max = marker == null ? 0 : marker;
        for (Group group : groups) {
            for (Bar bar : group.bars()) {
                max = Math.max(max, bar.value());
            }
        }
        max = max <= 0 ? 1 : max * 1.35; // room for the value label after the longest bar
        int plotWidth = WIDTH - LABEL_WIDTH - 20;
        int y = 60;
        StringBuilder body = new StringBuilder();
        for (Group group : groups) {
            body.append(text(10, y + BAR_HEIGHT - 4, group.title(), "start", 13, "bold"));
            for (Bar bar : group.bars()) {
                int color = Math.max(0, series.indexOf(bar.series()));
                double width = Double.isFinite(bar.value()) ? bar.value() / max * plotWidth : 0;
                body.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                        LABEL_WIDTH, y, width, BAR_HEIGHT, COLORS[color % COLORS.length]));
                body.append(text(LABEL_WIDTH + (int) width + 6, y + BAR_HEIGHT - 4, bar.label(), "start", 12, "normal"));
                y += BAR_HEIGHT + 4;
            }
            y += GROUP_GAP;
        }
        if (marker != null) {
            double x = LABEL_WIDTH + marker / max * plotWidth;
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"45\" x2=\"%.1f\" y2=\"%d\" stroke=\"#b0483f\""
                    + " stroke-dasharray=\"5,4\"/>%n", x, x, y - GROUP_GAP));
            body.append(text((int) x + 4, 42, markerLabel, "start", 11, "normal"));
        }
        StringBuilder legend = new StringBuilder();
        int x = LABEL_WIDTH;
        for (int i = 0; i < series.size(); i++) {
            legend.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    x, y + 4, COLORS[i % COLORS.length]));
            legend.append(text(x + 16, y + 14, series.get(i), "start", 12, "normal"));
            x += 30 + series.get(i).length() * 7;
        }
        int height = y + 30;
        String svg = String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n<rect width=\"100%%\" height=\"100%%\""
                        + " fill=\"white\"/>%n%s%s%s</svg>%n", WIDTH, height, WIDTH, height,
                text(10, 28, title, "start", 16, "bold"), body, legend);
        Files.writeString(file, svg);
    }

    private static String text(int x, int y, String content, String anchor, int size, String weight) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" font-size=\"%d\""
                + " font-weight=\"%s\">%s</text>%n", x, y, anchor, size, weight, escape(content));
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
