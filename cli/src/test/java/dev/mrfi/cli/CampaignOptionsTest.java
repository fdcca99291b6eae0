package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignOptionsTest {

    @Test
    void marginAndConfidenceKeepEveryHalfWidthOfALeNetSweepWithinTheMargin(@TempDir Path out) throws IOException {
        CommandRunner result = CommandRunner.run("experiment", "--data",
                ExperimentCommandTest.embeddedDataFolder(out).toString(), "--ber", "1e-5,1e-4,3e-4,1e-3",
                "--margin", "0.01", "--confidence", "0.95", "--out", out.resolve("run").toString(), "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String[]> rows = Files.readAllLines(out.resolve("run/ber_accuracy.csv")).stream().skip(1)
                .map(line -> line.split(",")).toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)[7]).isEqualTo("wilson-pooled");
        // the golden row is one deterministic pass (no faults to sample), so it is not repeated
        for (String[] row : rows.subList(1, rows.size())) {
            assertThat(row[7]).isEqualTo("wilson-pooled");
            assertThat(Double.parseDouble(row[8])).as("half-width at BER " + row[0]).isLessThanOrEqualTo(0.01);
            // 2,000 images a trial: Leveugle's 9,604 injections are at most 5 trials
            assertThat(Integer.parseInt(row[6])).isBetween(1, 5);
        }
        Set<Integer> trials = rows.stream().skip(1).map(row -> Integer.parseInt(row[6])).collect(Collectors.toSet());
        assertThat(trials).as("points stop at different trial counts once narrow enough").hasSizeGreaterThan(1)
                .anyMatch(n -> n < 5);
    }

    @Test
    void confidenceWithoutMarginIsRefused(@TempDir Path out) {
        CommandRunner result = CommandRunner.run("experiment", "--confidence", "0.99", "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--confidence sets the confidence of --margin; give --margin too");
    }

    @Test
    void marginAndConfidenceOutOfRangeAreListedTogether(@TempDir Path out) {
        CommandRunner result = CommandRunner.run("experiment", "--margin", "1", "--confidence", "95", "--out",
                out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("2 errors", "--margin: must be in (0, 0.5), got 1.0. It is a fraction: for"
                + " 1 % write 0.01", "--confidence: must be in [0.5, 0.9999], got 95.0. It is a fraction: for 95 %"
                + " write 0.95").doesNotContain("Exception");
    }

    @Test
    void marginWithRepeatsIsRefused(@TempDir Path out) {
        CommandRunner result = CommandRunner.run("experiment", "--margin", "0.01", "--repeats", "3", "--out",
                out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--margin decides the trials per point; leave --repeats out");
    }

    @Test
    void sparkWithoutTheSparkModuleNamesTheAvailableRunners(@TempDir Path out) {
        CommandRunner result = CommandRunner.run("experiment", "--spark", "local[2]", "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("[config/InvalidValue] --spark: no trial runner accepts 'local[2]'."
                + " Available: [local (threads:N)]; the spark runner is not on the class path");
        assertThat(out.resolve("trials.jsonl")).doesNotExist();
    }

    @Test
    void optionsThatNeedTrialsInThisProcessAreRefusedWithSpark(@TempDir Path out) {
        CommandRunner result = CommandRunner.run("experiment", "--spark", "threads:2", "--threads", "2",
                "--manifest", out.resolve("faults.jsonl").toString(), "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--threads, --manifest cannot be used with --spark: they need the trials to"
                + " run in this process");
    }
}
