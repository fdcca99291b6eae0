package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Campaign results do not depend on the thread count, and failed trials are recorded, not fatal. */
class CampaignReliabilityTest {

    @Test
    void theSameSeedGivesByteIdenticalCsvAndManifestWithOneTwoAndEightThreads(@TempDir Path folder) throws IOException {
        Path data = ExperimentCommandTest.embeddedDataFolder(folder);
        String csv = null;
        byte[] manifest = null;
        for (String threads : List.of("1", "2", "8")) {
            Path out = folder.resolve("threads-" + threads);
            CommandRunner result = CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-5,1e-4",
                    "--repeats", "3", "--seed", "11", "--threads", threads, "--out", out.toString(),
                    "--manifest", out.resolve("faults.jsonl").toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            String thisCsv = Files.readString(out.resolve("ber_accuracy.csv"));
            byte[] thisManifest = Files.readAllBytes(out.resolve("faults.jsonl"));
            if (csv == null) {
                csv = thisCsv;
                manifest = thisManifest;
                assertThat(Files.readAllLines(out.resolve("faults.jsonl"))).hasSizeGreaterThan(100)
                        .allMatch(line -> line.startsWith("{\"trial\":\"ber=1.0E-"));
            } else {
                assertThat(thisCsv).as("CSV with " + threads + " threads").isEqualTo(csv);
                assertThat(thisManifest).as("manifest with " + threads + " threads").isEqualTo(manifest);
            }
        }
    }

    @Test
    void aFailingPluginFailsItsTrialsAndTheCampaignContinuesAndCountsThem(@TempDir Path folder) throws IOException {
        Path config = folder.resolve("broken.yaml");
        Files.writeString(config, "faultinject:\n"
                + "  - type: activation\n    module_name: fc3\n"
                + "    selector: {method: FixPosition, position: 100000}\n"
                + "    error_mode: {method: SetZero}\n"
                + "  - type: activation\n    module_name: conv\n"
                + "    selector: {method: RandomPositionByRate, rate: 1e-3}\n"
                + "    error_mode: {method: SetZero}\n");
        Path out = folder.resolve("out");
        CommandRunner result = CommandRunner.run("experiment", "--config", config.toString(), "--data",
                ExperimentCommandTest.embeddedDataFolder(folder).toString(), "--ber", "1e-5,1e-4", "--repeats", "2",
                "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("warning: 4 trial(s) failed because a plugin failed");
        assertThat(result.out()).contains("(2 failed)");
        List<String> csv = Files.readAllLines(out.resolve("ber_accuracy.csv"));
        assertThat(csv.get(1).split(",")[6]).isEqualTo("1");
        assertThat(csv.get(2).split(",")[6]).isEqualTo("0");
        assertThat(csv.get(2)).endsWith(",none,0.0");
        assertThat(Files.readString(out.resolve("trials.jsonl")))
                .contains("\"error\":\"at fc3/activation_in#0 (call 0): selector FixPosition (dev.mrfi.selector.FixPositionProvider"
                        + " (from ")
                .contains("failed: position 100000 is outside the tensor of shape [128, 84]");
    }

    @Test
    void resumeSkipsADamagedLineInTheMiddleNamesItAndRerunsOnlyItsTrial(@TempDir Path folder) throws IOException {
        Path data = ExperimentCommandTest.embeddedDataFolder(folder);
        Path out = folder.resolve("out");
        String[] args = {"experiment", "--data", data.toString(), "--ber", "1e-5,1e-4", "--repeats", "2", "--out",
                out.toString()};
        CommandRunner first = CommandRunner.run(args);
        assertThat(first.exitCode()).as(first.err()).isZero();
        String csv = Files.readString(out.resolve("ber_accuracy.csv"));
        Path journal = out.resolve("trials.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(journal));
        assertThat(lines).as("header, golden and four trials").hasSize(6);
        lines.set(2, lines.get(2).substring(0, 10) + "#" + lines.get(2).substring(11));
        Files.writeString(journal, String.join("\n", lines) + "\n");

        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        CommandRunner resumed = CommandRunner.run(resume);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: 4 trial(s) already recorded in " + journal
                + "; skipped damaged line 3\n");
        assertThat(Files.readString(out.resolve("ber_accuracy.csv"))).isEqualTo(csv);
        assertThat(Files.readAllLines(journal)).hasSize(7).contains(lines.get(1), lines.get(3), lines.get(4), lines.get(5));
    }
}
