package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM running a campaign with SIGKILL partway, then resumes it: only the missing
 * trials run and the CSV equals that of an uninterrupted run.
 */
class ExperimentResumeIT {

    private static final String[] SWEEP = {"--ber", "1e-6,1e-5,3e-5,1e-4", "--repeats", "5", "--seed", "3", "--threads", "1"};

    private static Process start(Path data, Path out, boolean resume) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "mrfi.jar").toAbsolutePath().toString(), "experiment",
                "--data", data.toString(), "--out", out.toString()));
        command.addAll(List.of(SWEEP));
        if (resume) {
            command.add("--resume");
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + (resume ? "-resume.log" : ".log")).toFile()).start();
    }

    private static long trialLines(Path journal) throws IOException {
        return Files.exists(journal) ? Files.readAllLines(journal).size() - 1 : 0;
    }

    @Test
    void aCampaignKilledWithSigkillResumesToTheSameCsv(@TempDir Path folder) throws Exception {
        Path data = ExperimentCommandTest.embeddedDataFolder(folder);
        Path reference = folder.resolve("reference");
        Files.createDirectories(reference);
        Process uninterrupted = start(data, reference, false);
        assertThat(uninterrupted.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(uninterrupted.exitValue()).isZero();
        long totalTrials = trialLines(reference.resolve("trials.jsonl"));
        assertThat(totalTrials).isEqualTo(21);

        int cycles = 0;
        Path out = folder.resolve("killed");
        Files.createDirectories(out);
        Path journal = out.resolve("trials.jsonl");
        Process first = start(data, out, false);
        while (trialLines(journal) < 4 && first.isAlive()) {
            Thread.sleep(5);
        }
        assertThat(first.isAlive()).as("the campaign must still be running when it is killed").isTrue();
        first.destroyForcibly().waitFor();
        cycles++;
        long recordedAtKill = trialLines(journal);
        assertThat(recordedAtKill).isBetween(4L, totalTrials - 1);

        // a torn line, as a crash in the middle of a write would leave
        Files.writeString(journal, "{\"trial\":\"ber=1.0E-4/repeat=4\",\"corr", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        Process second = start(data, out, true);
        while (trialLines(journal) < recordedAtKill + 3 && second.isAlive()) {
            Thread.sleep(5);
        }
        if (second.isAlive()) {
            second.destroyForcibly().waitFor();
            cycles++;
        }
        Process last = start(data, out, true);
        assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(folder.resolve("killed-resume.log"));
        assertThat(last.exitValue()).as(log).isZero();
        assertThat(log).contains("resuming: ");
        assertThat(Files.readString(out.resolve("ber_accuracy.csv")))
                .isEqualTo(Files.readString(reference.resolve("ber_accuracy.csv")));
        assertThat(trialLines(journal)).isEqualTo(totalTrials);
        assertThat(Files.readString(journal)).doesNotContain("\"corr{");
        System.out.println("kill-and-resume cycles run: " + cycles + " (trials at first kill: " + recordedAtKill
                + " of " + totalTrials + ")");
        assertThat(new File(out.toFile(), "ber_accuracy.png")).exists();
    }
}
