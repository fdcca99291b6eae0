package dev.mrfi.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.experiment.TrialJournal.TrialOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialJournalTest {

    @Test
    void aResumedJournalHoldsEveryRecordedTrial(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("trials.jsonl");
        try (TrialJournal journal = TrialJournal.create(file, "exp A")) {
            journal.record(new TrialOutcome("ber=1.0E-5/repeat=0", 1800, 2000, null));
            journal.record(new TrialOutcome("ber=1.0E-4/repeat=0", -1, 2000, "at fc1/activation_in#0: boom"));
        }
        try (TrialJournal journal = TrialJournal.resume(file, "exp A")) {
            assertThat(journal.size()).isEqualTo(2);
            assertThat(journal.find("ber=1.0E-5/repeat=0")).contains(new TrialOutcome("ber=1.0E-5/repeat=0", 1800, 2000, null));
            assertThat(journal.find("ber=1.0E-4/repeat=0").orElseThrow().failed()).isTrue();
            assertThat(journal.discardedLines()).isZero();
        }
    }

    @Test
    void aTornLastLineIsDiscardedAndOverwritten(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("trials.jsonl");
        try (TrialJournal journal = TrialJournal.create(file, "exp A")) {
            journal.record(new TrialOutcome("t0", 10, 20, null));
            journal.record(new TrialOutcome("t1", 11, 20, null));
        }
        List<String> lines = Files.readAllLines(file);
        String torn = lines.get(2).substring(0, lines.get(2).length() / 2);
        Files.writeString(file, lines.get(0) + "\n" + lines.get(1) + "\n" + torn, StandardCharsets.UTF_8);
        try (TrialJournal journal = TrialJournal.resume(file, "exp A")) {
            assertThat(journal.size()).isEqualTo(1);
            assertThat(journal.find("t1")).isEmpty();
            assertThat(journal.discardedLines()).isEqualTo(1);
            journal.record(new TrialOutcome("t1", 11, 20, null));
        }
        assertThat(Files.readAllLines(file)).hasSize(3).doesNotContain(torn);
    }

    @Test
    void aLineWithAValidShapeButAChangedNumberFailsItsChecksum(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("trials.jsonl");
        try (TrialJournal journal = TrialJournal.create(file, "exp A")) {
            journal.record(new TrialOutcome("t0", 10, 20, null));
        }
        String text = Files.readString(file).replace("\"correct\":10", "\"correct\":19");
        Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        try (TrialJournal journal = TrialJournal.resume(file, "exp A")) {
            assertThat(journal.find("t0")).isEmpty();
            assertThat(journal.discardedLines()).isEqualTo(1);
        }
    }

    @Test
    void aDamagedLineInTheMiddleIsSkippedWithItsNumberAndEveryIntactLineAfterItKept(@TempDir Path folder)
            throws IOException {
        Path file = folder.resolve("trials.jsonl");
        try (TrialJournal journal = TrialJournal.create(file, "exp A")) {
            for (int i = 0; i < 5; i++) {
                journal.record(new TrialOutcome("t" + i, 10 + i, 20, null));
            }
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("\"correct\":11", "\"correct\":17"));
        lines.set(4, "{\"trial\":\"t3\",\"corr");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        try (TrialJournal journal = TrialJournal.resume(file, "exp A")) {
            assertThat(journal.damagedLines()).containsExactly(3, 5);
            assertThat(journal.discardedLines()).isZero();
            assertThat(journal.size()).isEqualTo(3);
            assertThat(journal.find("t1")).isEmpty();
            assertThat(journal.find("t3")).isEmpty();
            assertThat(journal.find("t4")).contains(new TrialOutcome("t4", 14, 20, null));
            journal.record(new TrialOutcome("t1", 11, 20, null));
        }
        try (TrialJournal journal = TrialJournal.resume(file, "exp A")) {
            assertThat(journal.size()).isEqualTo(4);
            assertThat(journal.find("t1")).contains(new TrialOutcome("t1", 11, 20, null));
            assertThat(journal.damagedLines()).containsExactly(3, 5);
        }
    }

    @Test
    void refusesToResumeADifferentExperimentOrAMissingJournal(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("trials.jsonl");
        TrialJournal.create(file, "exp A").close();
        assertThatThrownBy(() -> TrialJournal.resume(file, "exp B")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("was written by a different experiment (exp A), not (exp B)");
        assertThatThrownBy(() -> TrialJournal.resume(folder.resolve("none.jsonl"), "exp A"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Run without --resume first.");
    }
}
