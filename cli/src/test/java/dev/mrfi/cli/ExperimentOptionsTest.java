package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option is honoured or refused, and output paths are checked before the work. */
class ExperimentOptionsTest {

    @Test
    void optionsAStudyOrObserveRunWouldIgnoreAreRefusedByName(@TempDir Path folder) {
        CommandRunner layerwise = CommandRunner.run("experiment", "--layerwise", "--ber", "5", "--manifest",
                folder.resolve("m.jsonl").toString());
        assertThat(layerwise.exitCode()).isEqualTo(2);
        assertThat(layerwise.err()).contains("--ber, --manifest do not apply to --study layer; leave them out");
        CommandRunner observe = CommandRunner.run("experiment", "--observe", "--resume");
        assertThat(observe.exitCode()).isEqualTo(2);
        assertThat(observe.err()).contains("--resume does not apply to --observe");
    }

    @Test
    void aFolderHoldingACampaignIsContinuedOnlyWithResumeOrReplacedOnlyWithOverwrite(@TempDir Path folder)
            throws IOException {
        Path data = ExperimentCommandTest.embeddedDataFolder(folder);
        Path out = folder.resolve("out");
        assertThat(CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-6", "--out", out.toString())
                .exitCode()).isZero();
        String journal = Files.readString(out.resolve("trials.jsonl"));

        CommandRunner again = CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-5", "--out",
                out.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a campaign").contains("add --resume to continue it or"
                + " --overwrite to replace it");
        assertThat(Files.readString(out.resolve("trials.jsonl"))).isEqualTo(journal);

        CommandRunner replaced = CommandRunner.run("experiment", "--data", data.toString(), "--ber", "1e-5", "--out",
                out.toString(), "--overwrite");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("ber_accuracy.csv")).get(2)).startsWith("1.0E-5,");

        CommandRunner nothingToResume = CommandRunner.run("experiment", "--data", data.toString(), "--resume",
                "--out", folder.resolve("empty").toString());
        assertThat(nothingToResume.exitCode()).isEqualTo(2);
        assertThat(nothingToResume.err()).contains("--resume:").contains("holds no campaign");
    }

    @Test
    void outputPathsThatCannotBeWrittenStopTheRunBeforeAnyTrial(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("a-file"), "x");
        CommandRunner outIsFile = CommandRunner.run("experiment", "--out", file.toString());
        assertThat(outIsFile.exitCode()).isEqualTo(2);
        assertThat(outIsFile.err()).contains("--out " + file + " is a file, not a folder").doesNotContain("\tat ");

        CommandRunner missingFolder = CommandRunner.run("experiment", "--out", folder.resolve("o").toString(),
                "--manifest", folder.resolve("nope/m.jsonl").toString());
        assertThat(missingFolder.exitCode()).isEqualTo(2);
        assertThat(missingFolder.err()).contains("the folder " + folder.resolve("nope") + " does not exist");

        Files.createDirectories(folder.resolve("o2/ber_accuracy.csv"));
        CommandRunner csvIsFolder = CommandRunner.run("experiment", "--out", folder.resolve("o2").toString());
        assertThat(csvIsFolder.exitCode()).isEqualTo(2);
        assertThat(csvIsFolder.err()).contains("ber_accuracy.csv is a folder");
    }

    @Test
    void anEmptyOrNullConfigurationIsAConfigurationErrorNotACrash(@TempDir Path folder) throws IOException {
        for (String text : new String[] {"", "# only a comment\n", "null\n"}) {
            Path config = Files.writeString(folder.resolve("c.yaml"), text);
            CommandRunner result = CommandRunner.run("experiment", "--config", config.toString(), "--out",
                    folder.resolve("o").toString());
            assertThat(result.exitCode()).as(text).isEqualTo(2);
            assertThat(result.err()).contains("[config/MissingKey]").doesNotContain("NullPointerException")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aBerWhoseRateExceedsOneIsExplainedAndLeavesNoJournal(@TempDir Path folder) {
        Path out = folder.resolve("out");
        CommandRunner result = CommandRunner.run("experiment", "--ber", "1e-5,0.07", "--bits-per-value", "16",
                "--out", out.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("at --ber 0.07 the rate is 0.07 x 16 bits per value = 1.12, above 1");
        assertThat(out.resolve("trials.jsonl")).doesNotExist();
    }
}
