package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.cli.study.TrialProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrialProgressTest {

    @Test
    void printsPlainLinesWithTheTimeLeftWhenNotATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (TrialProgress progress = new TrialProgress("trials", stream, false, 60_000)) {
            for (int i = 1; i <= 10; i++) {
                progress.update(i, 10);
            }
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").contains("\n");
        String last = text.lines().reduce((a, b) -> b).orElseThrow();
        // elapsed / estimated time left, as the library renders them
        assertThat(last).startsWith("trials 100%").contains("10/10").containsPattern("\\(\\d+:\\d\\d:\\d\\d / \\d+:\\d\\d:\\d\\d\\)");
    }
}
