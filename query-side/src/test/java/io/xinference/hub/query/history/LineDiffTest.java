package io.xinference.hub.query.history;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.xinference.hub.query.history.LineDiff.Operation.ADDED;
import static io.xinference.hub.query.history.LineDiff.Operation.KEPT;
import static io.xinference.hub.query.history.LineDiff.Operation.REMOVED;
import static org.assertj.core.api.Assertions.assertThat;

class LineDiffTest {

    @Test
    void keepsCommonLinesAndMarksTheRest() {
        List<LineDiff.Line> diff = LineDiff.between("# Title\nold line\nend", "# Title\nnew line\nend\nextra");
        assertThat(diff).containsExactly(
                new LineDiff.Line(KEPT, "# Title"),
                new LineDiff.Line(REMOVED, "old line"),
                new LineDiff.Line(ADDED, "new line"),
                new LineDiff.Line(KEPT, "end"),
                new LineDiff.Line(ADDED, "extra"));
    }

    @Test
    void identicalTextsAreAllKept() {
        assertThat(LineDiff.between("a\r\nb", "a\nb")).extracting(LineDiff.Line::operation)
                .containsExactly(KEPT, KEPT);
    }

    @Test
    void nullOrEmptyTextHasNoLines() {
        assertThat(LineDiff.between(null, "a")).containsExactly(new LineDiff.Line(ADDED, "a"));
        assertThat(LineDiff.between("a", "")).containsExactly(new LineDiff.Line(REMOVED, "a"));
    }

    @Test
    void applyingTheDiffGivesBackBothTexts() {
        String before = "a\nb\nc\nd\ne\nf";
        String after = "b\nc\nx\ne\nf\ng";
        List<LineDiff.Line> diff = LineDiff.between(before, after);
        assertThat(String.join("\n", diff.stream().filter(l -> l.operation() != ADDED).map(LineDiff.Line::text)
                .toList())).isEqualTo(before);
        assertThat(String.join("\n", diff.stream().filter(l -> l.operation() != REMOVED).map(LineDiff.Line::text)
                .toList())).isEqualTo(after);
        assertThat(diff.stream().filter(l -> l.operation() == KEPT)).hasSize(4);
    }

    @Test
    void hugeTextsAreComparedAsAWhole() {
        String big = "line\n".repeat(LineDiff.MAX_LINES + 1);
        assertThat(LineDiff.between(big, "other")).filteredOn(l -> l.operation() == KEPT).isEmpty();
    }
}
