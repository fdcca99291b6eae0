package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @Test
    void printsPointsSampleSizeTrialsAndAnEstimateWithoutRunningTheCampaign(@TempDir Path folder) throws IOException {
        Path data = ExperimentCommandTest.embeddedDataFolder(folder);
        try (var before = Files.list(folder)) {
            long files = before.count();
            CommandRunner result = CommandRunner.run("plan", "--data", data.toString(), "--ber", "1e-5,1e-4,1e-3",
                    "--margin", "0.01", "--confidence", "0.95", "--threads", "2", "--timing-images", "64");
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("points:    3 BERs [1.0E-5, 1.0E-4, 0.001], plus the golden pass",
                    // N = 82,048,000 corrects the large-population 9,604 down by one
                    "n = 9,603 injections = 5 trial(s) of 2,000 images per point",
                    "trials:    at most 16 (5 per point + golden)", "estimate:  at most ", "on 2 thread(s)");
            assertThat(result.out()).containsPattern("fault population N = [0-9,]+ \\(bits x positions x images\\)");
            try (var after = Files.list(folder)) {
                assertThat(after.count()).as("plan writes nothing").isEqualTo(files);
            }
        }
    }

    @Test
    void withoutMarginTheRepeatsAreThePlan(@TempDir Path folder) throws IOException {
        CommandRunner result = CommandRunner.run("plan", "--data",
                ExperimentCommandTest.embeddedDataFolder(folder).toString(), "--ber", "1e-5,1e-4", "--repeats", "3",
                "--threads", "1", "--timing-images", "32");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("trials:    at most 7 (3 per point + golden)").doesNotContain("sizing:");
    }

    @Test
    void sparkIsRefusedBecauseThePlanTimesLocalThreads() {
        CommandRunner result = CommandRunner.run("plan", "--spark", "local[2]", "--margin", "0.01");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("plan times trials on this machine's threads; leave --spark out");
    }

    /** plan shares experiment's model and data options, so whatever an experiment accepts, its plan does too. */
    @Test
    void takesTheExperimentsNormalisationAndRefusesWhatTheExperimentRefuses(@TempDir Path folder) throws IOException {
        String data = ExperimentCommandTest.embeddedDataFolder(folder).toString();
        CommandRunner normalised = CommandRunner.run("plan", "--data", data, "--ber", "1e-4", "--mean", "0.5",
                "--std", "0.25", "--threads", "1", "--timing-images", "16");
        assertThat(normalised.exitCode()).as(normalised.err()).isZero();
        assertThat(normalised.out()).contains("trials:    at most 2 (1 per point + golden)");

        CommandRunner badStd = CommandRunner.run("plan", "--data", data, "--std", "0");
        CommandRunner badStdExperiment = CommandRunner.run("experiment", "--data", data, "--std", "0",
                "--out", folder.resolve("out").toString());
        assertThat(badStd.exitCode()).isEqualTo(2);
        assertThat(badStd.err()).isNotBlank().isEqualTo(badStdExperiment.err());

        CommandRunner missing = CommandRunner.run("plan", "--config", folder.resolve("absent.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("absent.yaml");
    }
}
