package dev.mrfi.golden;

import static dev.mrfi.golden.ExperimentToolkitTest.DATA;
import static dev.mrfi.golden.ExperimentToolkitTest.DEFAULT_FI;
import static dev.mrfi.golden.ExperimentToolkitTest.MODEL;
import static dev.mrfi.golden.ExperimentToolkitTest.MRFI;
import static dev.mrfi.golden.ExperimentToolkitTest.SEED;
import static dev.mrfi.golden.ExperimentToolkitTest.toolkit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.ModuleMatcher;
import dev.mrfi.core.experiment.AccuracyResult;
import dev.mrfi.core.experiment.Calibration;
import dev.mrfi.core.experiment.ExperimentToolkit;
import dev.mrfi.core.experiment.ObserveResult;
import dev.mrfi.core.experiment.TrialJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The campaign guarantees of the BER sweep hold for the toolkit's runs of several trials: the thread
 * count does not change results, and a run resumed from its journal ends with the same result without
 * running the recorded trials again.
 */
class ToolkitReliabilityTest {

    private static final EasyConfig FAULTY = DEFAULT_FI.withBer(1e-3, OptionalInt.empty());

    private static ExperimentToolkit counting(int threads, AtomicLong faults) {
        return new ExperimentToolkit(MRFI.configs(), FAULTY, MODEL, DATA, 50, threads, SEED,
                record -> faults.incrementAndGet());
    }

    /** Keeps the journal's header and its first {@code trials} trial lines, as a crash would leave it. */
    private static void truncate(Path journal, int trials) throws IOException {
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, 1 + trials));
    }

    @Test
    void accuracyAndObserveGiveTheSameResultAtAnyThreadCount() {
        assertThat(toolkit(FAULTY, 1).accuracy(4)).isEqualTo(toolkit(FAULTY, 3).accuracy(4));
        ModuleMatcher all = ModuleMatcher.anyModule();
        assertThat(toolkit(FAULTY, 1).observe("RMSE", false, all, true, 3))
                .isEqualTo(toolkit(FAULTY, 3).observe("RMSE", false, all, true, 3));
        assertThat(new Calibration(toolkit(DEFAULT_FI, 1)).calibrate(Calibration.Method.MIN_MAX, 100).ranges())
                .isEqualTo(new Calibration(toolkit(DEFAULT_FI, 3)).calibrate(Calibration.Method.MIN_MAX, 100).ranges());
    }

    @Test
    void aResumedAccuracyRunRunsOnlyTheMissingTrialsAndEndsTheSame(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("accuracy.journal");
        AtomicLong allFaults = new AtomicLong();
        ExperimentToolkit full = counting(2, allFaults);
        AccuracyResult expected;
        try (TrialJournal journal = TrialJournal.create(file, full.describe("accuracy", 4))) {
            expected = full.withJournal(journal).accuracy(4);
        }
        truncate(file, 2);
        AtomicLong resumedFaults = new AtomicLong();
        ExperimentToolkit resumed = counting(3, resumedFaults);
        AccuracyResult actual;
        try (TrialJournal journal = TrialJournal.resume(file, resumed.describe("accuracy", 4))) {
            assertThat(journal.size()).isEqualTo(2);
            actual = resumed.withJournal(journal).accuracy(4);
            assertThat(journal.size()).isEqualTo(4);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(resumedFaults.get()).isPositive().isLessThan(allFaults.get());
    }

    @Test
    void aResumedObserveRunEndsWithTheSameStatistics(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("observe.journal");
        ModuleMatcher all = ModuleMatcher.anyModule();
        ExperimentToolkit toolkit = toolkit(FAULTY, 2);
        ObserveResult expected;
        try (TrialJournal journal = TrialJournal.create(file, toolkit.describe("observe", 3))) {
            expected = toolkit.withJournal(journal).observe("RMSE", false, all, true, 3);
        }
        try (TrialJournal journal = TrialJournal.resume(file, toolkit.describe("observe", 3))) {
            AtomicLong faults = new AtomicLong();
            ObserveResult restored = counting(1, faults).withJournal(journal).observe("RMSE", false, all, true, 3);
            assertThat(restored).as("every trial restored from the journal").isEqualTo(expected);
            assertThat(faults.get()).isZero();
        }
        truncate(file, 1);
        try (TrialJournal journal = TrialJournal.resume(file, toolkit.describe("observe", 3))) {
            assertThat(toolkit(FAULTY, 3).withJournal(journal).observe("RMSE", false, all, true, 3))
                    .isEqualTo(expected);
        }
    }

    @Test
    void aJournalOfAnotherKindOfRunIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("accuracy.journal");
        ExperimentToolkit toolkit = toolkit(FAULTY, 2);
        try (TrialJournal journal = TrialJournal.create(file, toolkit.describe("accuracy", 2))) {
            toolkit.withJournal(journal).accuracy(2);
        }
        assertThatThrownBy(() -> TrialJournal.resume(file, toolkit.describe("observe", 2)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("written by a different experiment");
    }
}
