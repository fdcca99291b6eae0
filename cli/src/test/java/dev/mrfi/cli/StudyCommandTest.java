package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code --study} runs end to end on a few of the embedded images and writes its CSV and chart. */
class StudyCommandTest {

    private static final String COLUMNS = ",accuracy_mean,accuracy_low,accuracy_high,repeats";

    @Test
    void layerStudyWritesOneRowPerInjectedModuleAndLayerwiseIsItsAlias(@TempDir Path folder) throws IOException {
        Path data = smallData(folder, 40);
        CommandRunner study = run(data, folder.resolve("study"), "--study", "layer");
        assertThat(study.exitCode()).as(study.err()).isZero();
        List<String> csv = Files.readAllLines(folder.resolve("study").resolve("layer_accuracy.csv"));
        assertThat(csv.get(0)).isEqualTo("layer" + COLUMNS);
        assertThat(firstColumn(csv)).containsExactly("conv1", "conv2", "fc1", "fc2", "fc3");
        assertThat(study.out()).contains("(golden)");
        assertChart(folder.resolve("study").resolve("layer_accuracy.png"));

        CommandRunner alias = run(data, folder.resolve("alias"), "--layerwise");
        assertThat(alias.exitCode()).as(alias.err()).isZero();
        assertThat(Files.readAllLines(folder.resolve("alias").resolve("layer_accuracy.csv"))).isEqualTo(csv);
    }

    @Test
    void bitStudyHasOneRowPerBitOfTheSixteenBitCode(@TempDir Path folder) throws IOException {
        CommandRunner result = run(smallData(folder, 30), folder.resolve("out"), "--study", "bit", "--rate", "1e-2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(folder.resolve("out").resolve("bit_accuracy.csv"));
        assertThat(csv.get(0)).isEqualTo("bit" + COLUMNS);
        List<String> bits = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            bits.add(Integer.toString(k));
        }
        assertThat(firstColumn(csv)).isEqualTo(bits);
        assertChart(folder.resolve("out").resolve("bit_accuracy.png"));
    }

    @Test
    void channelStudyHasOneRowPerInputChannelOfTheModule(@TempDir Path folder) throws IOException {
        CommandRunner result = run(smallData(folder, 30), folder.resolve("out"), "--study", "channel", "--module",
                "conv2", "--rate", "0.05");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(folder.resolve("out").resolve("channel_accuracy.csv"));
        assertThat(csv.get(0)).isEqualTo("channel" + COLUMNS);
        assertThat(firstColumn(csv)).containsExactly("0", "1", "2", "3", "4", "5");
        assertChart(folder.resolve("out").resolve("channel_accuracy.png"));
    }

    @Test
    void pixelStudyHasOneRowPerPixelOfTheModuleInputAndAHeatMap(@TempDir Path folder) throws IOException {
        CommandRunner result = run(smallData(folder, 10), folder.resolve("out"), "--study", "pixel", "--module",
                "conv2", "--rate", "0.5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(folder.resolve("out").resolve("pixel_accuracy.csv"));
        assertThat(csv.get(0)).isEqualTo("pixel" + COLUMNS);
        assertThat(csv).hasSize(1 + 14 * 14);
        assertThat(firstColumn(csv)).startsWith("0:0", "0:1").endsWith("13:13");
        assertChart(folder.resolve("out").resolve("pixel_accuracy.png"));
    }

    @Test
    void paramStudyNamesItsFirstColumnAfterTheParameterAndKeepsTheValuesOrder(@TempDir Path folder)
            throws IOException {
        Path data = smallData(folder, 30);
        CommandRunner result = run(data, folder.resolve("out"), "--study", "param", "--param",
                "quantization.scale_factor", "--values", "0.5,1,2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> csv = Files.readAllLines(folder.resolve("out").resolve("param_accuracy.csv"));
        assertThat(csv.get(0)).isEqualTo("scale_factor" + COLUMNS);
        assertThat(firstColumn(csv)).containsExactly("0.5", "1", "2");
        assertChart(folder.resolve("out").resolve("param_accuracy.png"));

        CommandRunner fixedPoint = run(data, folder.resolve("fxp"), "--preset", "fxp_fi", "--study", "param",
                "--param", "faultinject[0].quantization.integer_bit", "--values", "2,3,5");
        assertThat(fixedPoint.exitCode()).as(fixedPoint.err()).isZero();
        assertThat(firstColumn(Files.readAllLines(folder.resolve("fxp").resolve("param_accuracy.csv"))))
                .containsExactly("2", "3", "5");
    }

    @Test
    void aStudyGivesTheSameRowsAtAnyThreadCountAndResumesWithoutRunningAgain(@TempDir Path folder)
            throws IOException {
        Path data = smallData(folder, 30);
        String[] args = {"--study", "channel", "--module", "conv1", "--rate", "0.05", "--repeats", "2"};
        assertThat(run(data, folder.resolve("one"), concat(args, "--threads", "1")).exitCode()).isZero();
        assertThat(run(data, folder.resolve("two"), concat(args, "--threads", "2")).exitCode()).isZero();
        List<String> one = Files.readAllLines(folder.resolve("one").resolve("channel_accuracy.csv"));
        assertThat(Files.readAllLines(folder.resolve("two").resolve("channel_accuracy.csv"))).isEqualTo(one);

        String journal = Files.readString(folder.resolve("one").resolve("trials.jsonl"));
        CommandRunner resumed = run(data, folder.resolve("one"), concat(args, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming: 3 trial(s) already recorded");
        assertThat(Files.readString(folder.resolve("one").resolve("trials.jsonl"))).isEqualTo(journal);
        assertThat(Files.readAllLines(folder.resolve("one").resolve("channel_accuracy.csv"))).isEqualTo(one);

        CommandRunner otherStudy = run(data, folder.resolve("one"), "--study", "bit", "--resume");
        assertThat(otherStudy.exitCode()).isEqualTo(2);
    }

    @Test
    void studyMistakesAreUsageErrorsThatNameTheFix(@TempDir Path folder) throws IOException {
        Path data = smallData(folder, 5);
        CommandRunner unknown = run(data, folder.resolve("a"), "--study", "bits");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown study 'bits'. Available: [ber, layer, bit, channel, pixel, param, observe,"
                + " calibrate]."
                + " Did you mean 'bit'?");

        CommandRunner noModule = run(data, folder.resolve("b"), "--study", "channel");
        assertThat(noModule.exitCode()).isEqualTo(2);
        assertThat(noModule.err()).contains("--study channel needs --module NAME");

        CommandRunner misplaced = run(data, folder.resolve("c"), "--study", "bit", "--module", "conv2", "--ber", "1e-3");
        assertThat(misplaced.exitCode()).isEqualTo(2);
        assertThat(misplaced.err()).contains("--module (read by --study channel, pixel) does not apply to --study bit");

        CommandRunner rateInASweep = run(data, folder.resolve("h"), "--rate", "1e-2");
        assertThat(rateInASweep.exitCode()).isEqualTo(2);
        assertThat(rateInASweep.err()).contains("--rate (read by --study bit, channel, pixel) does not apply to"
                + " --study ber; leave it out");

        CommandRunner badModule = run(data, folder.resolve("d"), "--study", "pixel", "--module", "conv3");
        assertThat(badModule.exitCode()).isEqualTo(2);
        assertThat(badModule.err()).contains("the model has no module 'conv3'").contains("Did you mean 'conv1'?")
                .doesNotContain("\tat ");
        assertThat(folder.resolve("d").resolve("trials.jsonl")).doesNotExist();

        CommandRunner linear = run(data, folder.resolve("e"), "--study", "pixel", "--module", "fc1");
        assertThat(linear.exitCode()).isEqualTo(2);
        assertThat(linear.err()).contains("the pixel study needs a 4-D input");

        CommandRunner badParam = run(data, folder.resolve("f"), "--study", "param", "--param",
                "quantization.scale_factr", "--values", "1");
        assertThat(badParam.exitCode()).isEqualTo(2);
        assertThat(badParam.err()).contains("faultinject[0].quantization.scale_factr: SymmericQuantization has no"
                + " parameter 'scale_factr'").contains("Did you mean 'scale_factor'?");

        CommandRunner outOfRange = run(data, folder.resolve("g"), "--study", "param", "--param",
                "quantization.bit_width", "--values", "8,99");
        assertThat(outOfRange.exitCode()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("faultinject[0].quantization.bit_width").contains("99");
    }

    private static CommandRunner run(Path data, Path out, String... args) {
        return CommandRunner.run(concat(new String[] {"experiment", "--data", data.toString(), "--out", out.toString()},
                args));
    }

    private static String[] concat(String[] first, String... second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static List<String> firstColumn(List<String> csv) {
        return csv.subList(1, csv.size()).stream().map(line -> line.split(",")[0]).toList();
    }

    private static void assertChart(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(560);
    }

    /** The first {@code count} embedded test images and labels, as a folder of IDX files. */
    static Path smallData(Path parent, int count) throws IOException {
        Path folder = parent.resolve("data-" + count);
        Files.createDirectories(folder);
        copyHead("/dev/mrfi/nn/fashion-mnist-test-2000-images-idx3-ubyte.gz",
                folder.resolve("t10k-images-idx3-ubyte.gz"), count, 28 * 28, 4);
        copyHead("/dev/mrfi/nn/fashion-mnist-test-2000-labels-idx1-ubyte.gz",
                folder.resolve("t10k-labels-idx1-ubyte.gz"), count, 1, 2);
        return folder;
    }

    private static void copyHead(String resource, Path file, int count, int itemBytes, int headerInts)
            throws IOException {
        try (InputStream raw = StudyCommandTest.class.getResourceAsStream(resource);
             DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
                out.writeInt(in.readInt());
                in.readInt();
                out.writeInt(count);
                for (int i = 2; i < headerInts; i++) {
                    out.writeInt(in.readInt());
                }
                byte[] items = new byte[count * itemBytes];
                in.readFully(items);
                out.write(items);
            }
            Files.write(file, bytes.toByteArray());
        }
    }
}
