package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --study observe} and {@code --study calibrate} run end to end on embedded images. */
class ToolkitStudyCommandTest {

    private static final String OBSERVE_HEADER = "key,module,point,observer,component,mean,low,high,repeats";

    @Test
    void observeStudyWritesGoldenPairedRmseAtEveryModuleInputAndResumes(@TempDir Path folder) throws IOException {
        Path data = StudyCommandTest.smallData(folder, 30);
        Path out = folder.resolve("observe");
        CommandRunner result = run(data, out, "--study", "observe", "--repeats", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("observe_observe.csv"));
        assertThat(csv.get(0)).isEqualTo(OBSERVE_HEADER);
        List<String> rmse = csv.stream().filter(line -> line.contains(",RMSE,")).toList();
        assertThat(rmse).extracting(line -> line.split(",")[1])
                .contains("conv1", "conv2", "fc1", "fc2", "fc3");
        // default_fi injects into conv2's input, so the faulty and golden inputs of conv2 differ
        double conv2 = rmse.stream().filter(line -> line.split(",")[1].equals("conv2"))
                .mapToDouble(line -> Double.parseDouble(line.split(",")[5])).max().orElseThrow();
        assertThat(conv2).isGreaterThan(0.0);
        assertChart(out.resolve("observe_observe.png"));

        CommandRunner resumed = run(data, out, "--study", "observe", "--repeats", "2", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming");
        assertThat(Files.readAllLines(out.resolve("observe_observe.csv"))).isEqualTo(csv);
    }

    @Test
    void calibrateStudyWritesATreeWhoseFixedRangesRunAnExperiment(@TempDir Path folder) throws IOException {
        Path data = StudyCommandTest.smallData(folder, 30);
        Path out = folder.resolve("calibrate");
        CommandRunner result = run(data, out, "--study", "calibrate", "--calibration", "MinMax");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("calibrate_observe.csv"));
        assertThat(csv.get(0)).isEqualTo("module,hook,weight,position,low,high,dynamic_range");
        assertThat(csv.subList(1, csv.size())).extracting(line -> line.split(",")[0])
                .contains("conv1", "conv2", "fc1", "fc2", "fc3");
        assertChart(out.resolve("calibrate_observe.png"));
        Path tree = out.resolve("calibrated_tree.yaml");
        String yaml = Files.readString(tree);
        String conv2Range = csv.stream().filter(line -> line.startsWith("conv2,")).findFirst().orElseThrow()
                .split(",")[6];
        assertThat(yaml).contains("dynamic_range: " + conv2Range).doesNotContain("dynamic_range: auto");

        CommandRunner fixed = CommandRunner.run("experiment", "--data", data.toString(), "--out",
                folder.resolve("fixed").toString(), "--config", tree.toString(), "--ber", "1e-3");
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(folder.resolve("fixed").resolve("ber_accuracy.csv")).exists();
    }

    @Test
    void calibrationMethodBelongsToTheCalibrateStudyUnknownMethodsGetAHintAndRepeatsAreRefused(@TempDir Path folder)
            throws IOException {
        Path data = StudyCommandTest.smallData(folder, 10);
        CommandRunner misplaced = run(data, folder.resolve("a"), "--study", "observe", "--calibration", "MaxAbs");
        assertThat(misplaced.exitCode()).isEqualTo(2);
        assertThat(misplaced.err()).contains("--calibration (read by --study calibrate)");

        CommandRunner unknown = run(data, folder.resolve("b"), "--study", "calibrate", "--calibration", "MaxAbz");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("MaxAbs");

        CommandRunner repeated = run(data, folder.resolve("c"), "--study", "calibrate", "--repeats", "3");
        assertThat(repeated.exitCode()).isEqualTo(2);
        assertThat(repeated.err()).contains("--repeats (calibrate observes one golden pass")
                .contains("does not apply to --study calibrate");
        assertThat(folder.resolve("c").resolve("calibrated_tree.yaml")).doesNotExist();
    }

    private static CommandRunner run(Path data, Path out, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "experiment";
        all[1] = "--data";
        all[2] = data.toString();
        all[3] = "--out";
        all[4] = out.toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return CommandRunner.run(all);
    }

    private static void assertChart(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(100);
    }
}
