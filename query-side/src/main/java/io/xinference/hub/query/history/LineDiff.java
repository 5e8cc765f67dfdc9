package io.xinference.hub.query.history;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts (longest common subsequence), as a unified diff without hunks: every line of both
 * texts once, marked kept, added or removed. Texts longer than {@link #MAX_LINES} lines are compared as a whole
 * (all removed, all added) so a huge README cannot make the quadratic table exhaust memory. Pure.
 */
public final class LineDiff {

    static final int MAX_LINES = 3000;

    private LineDiff() {
    }

    public enum Operation { KEPT, ADDED, REMOVED }

    public record Line(Operation operation, String text) {
    }

    public static List<Line> between(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            List<Line> whole = new ArrayList<>();
            a.forEach(line -> whole.add(new Line(Operation.REMOVED, line)));
            b.forEach(line -> whole.add(new Line(Operation.ADDED, line)));
            return whole;
        }
        // common[i][j] = length of the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                diff.add(new Line(Operation.KEPT, a.get(i)));
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line(Operation.REMOVED, a.get(i++)));
            } else {
                diff.add(new Line(Operation.ADDED, b.get(j++)));
            }
        }
        while (i < a.size()) {
            diff.add(new Line(Operation.REMOVED, a.get(i++)));
        }
        while (j < b.size()) {
            diff.add(new Line(Operation.ADDED, b.get(j++)));
        }
        return diff;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split("\r?\n", -1));
    }
}
