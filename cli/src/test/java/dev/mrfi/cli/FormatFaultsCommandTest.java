package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.io.Npy;
import dev.mrfi.nn.io.NpyArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bit flips in the values of the floating-point formats and in the shared scales of MX blocks, from a YAML
 * configuration through {@code mrfi experiment} and {@code mrfi apply}.
 */
class FormatFaultsCommandTest {

    private static final String FP8_VALUES = "faultinject:\n  - type: weight\n    module_type: [Conv2d, Linear]\n"
            + "    quantization: {method: Fp8Quantization, format: e4m3}\n"
            + "    selector: {method: RandomPositionByRate, rate: 1.0e-3}\n"
            + "    error_mode: {method: IntRandomBitFlip, bit_width: 8, signed: false}\n";
    private static final String MX_VALUES = "faultinject:\n  - type: weight\n    module_type: [Conv2d, Linear]\n"
            + "    quantization: {method: MxQuantization, format: fp8_e4m3, block_size: 32}\n"
            + "    selector: {method: RandomPositionByRate, rate: 1.0e-3}\n"
            + "    error_mode: {method: IntRandomBitFlip, bit_width: 8, signed: false}\n";
    private static final String MX_SCALES = "faultinject:\n  - type: weight\n    module_type: [Conv2d, Linear]\n"
            + "    quantization: {method: MxQuantization, format: fp4_e2m1, block_size: 32}\n"
            + "    selector: {method: RandomPositionByRate, rate: 1.0e-3}\n"
            + "    error_mode: {method: IntRandomBitFlip, bit_width: 8, signed: false}\n"
            + "    target: scales\n";

    @TempDir
    Path folder;

    private List<String> sweep(String name, String yaml) throws IOException {
        Path config = Files.writeString(folder.resolve(name + ".yaml"), yaml);
        Path out = folder.resolve(name);
        CommandRunner result = CommandRunner.run("experiment", "--data",
                ExperimentCommandTest.embeddedDataFolder(folder.resolve(name + "-data")).toString(),
                "--config", config.toString(), "--ber", "1e-6,3e-2", "--out", out.toString(),
                "--threads", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("rate = BER x 8 bits per value");
        return Files.readAllLines(out.resolve("ber_accuracy.csv"));
    }

    private static double accuracy(List<String> csv, int row) {
        return Double.parseDouble(csv.get(row).split(",")[3]);
    }

    @Test
    void experimentSweepsBitFlipsInFp8ValuesMxValuesAndMxSharedScales() throws IOException {
        for (String[] run : List.of(new String[] {"fp8-values", FP8_VALUES}, new String[] {"mx-values", MX_VALUES},
                new String[] {"mx-scales", MX_SCALES})) {
            List<String> csv = sweep(run[0], run[1]);
            assertThat(csv).as(run[0]).hasSize(4);
            assertThat(accuracy(csv, 1)).as(run[0] + " golden").isGreaterThan(0.6);
            assertThat(accuracy(csv, 3)).as(run[0] + " at BER 3e-2").isLessThan(accuracy(csv, 1) - 0.1);
        }
    }

    private CommandRunner apply(String yaml, Path input, Path output, Path manifest) throws IOException {
        Path config = Files.writeString(folder.resolve("apply.yaml"), yaml.replace("rate: 1.0e-3", "rate: 0.5")
                .replace("module_type: [Conv2d, Linear]", "module_name: fc"));
        return CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(), "--output",
                output.toString(), "--type", "weight", "--manifest", manifest.toString(), "--seed", "3");
    }

    private Path weights() throws IOException {
        float[] values = new float[128];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i) * (1 + i % 7);
        }
        Path input = folder.resolve("w.npy");
        Npy.write(input, TensorShape.of(4, 32), values);
        return input;
    }

    @Test
    void applyFlipsOneBitOfEachSelectedFp8AndMxCode() throws IOException {
        Path input = weights();
        for (String yaml : List.of(FP8_VALUES, MX_VALUES)) {
            Path output = folder.resolve("out.npy");
            Path manifest = folder.resolve("faults.jsonl");
            Files.deleteIfExists(output);
            Files.deleteIfExists(manifest);
            CommandRunner result = apply(yaml, input, output, manifest);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("values faulted").doesNotContain("scale");
            List<String> faults = Files.readAllLines(manifest);
            assertThat(faults).isNotEmpty().allSatisfy(line -> {
                assertThat(line).contains("\"site\":\"fc/weight/weight#0\"");
                int before = (int) Double.parseDouble(line.replaceAll(".*\"before\":([0-9.E]+),.*", "$1"));
                int after = (int) Double.parseDouble(line.replaceAll(".*\"after\":([0-9.E]+),.*", "$1"));
                assertThat(Integer.bitCount(before ^ after)).isEqualTo(1);
                assertThat(after).isBetween(0, 255);
            });
        }
    }

    @Test
    void applyFlipsSharedExponentsAndScalesWholeBlocks() throws IOException {
        Path input = weights();
        Path output = folder.resolve("out.npy");
        Path manifest = folder.resolve("faults.jsonl");
        CommandRunner result = apply(MX_SCALES, input, output, manifest);
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("0 values and [1-4] scales? faulted");
        List<String> faults = Files.readAllLines(manifest);
        assertThat(faults).isNotEmpty().allSatisfy(line ->
                assertThat(line).contains("\"site\":\"fc/weight/weight#0/scales\""));
        // every value of a block whose exponent was flipped moved by the same power of two
        Path clean = folder.resolve("clean.npy");
        Path cleanManifest = folder.resolve("clean.jsonl");
        assertThat(apply(MX_SCALES.replace("rate: 1.0e-3", "rate: 0.0"), input, clean, cleanManifest).exitCode()).isZero();
        NpyArray faulty = Npy.read(output);
        NpyArray golden = Npy.read(clean);
        int changedBlocks = 0;
        for (int block = 0; block < 4; block++) {
            float ratio = Float.NaN;
            boolean changed = false;
            for (int i = block * 32; i < block * 32 + 32; i++) {
                if (golden.data()[i] != 0f && faulty.data()[i] != golden.data()[i]) {
                    changed = true;
                    float r = faulty.data()[i] / golden.data()[i];
                    assertThat(Float.isNaN(ratio) || r == ratio).as("one factor per block").isTrue();
                    ratio = r;
                }
            }
            changedBlocks += changed ? 1 : 0;
        }
        assertThat(changedBlocks).isEqualTo(faults.size());
    }
}
