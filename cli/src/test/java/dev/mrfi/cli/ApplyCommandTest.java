package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.io.Npy;
import dev.mrfi.nn.io.NpyArray;
import dev.mrfi.testkit.GoldenVectors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ApplyCommandTest {

    private static final String SIGN_FLIP_AT_2 = "faultinject:\n  - type: activation\n    module_name: fc\n"
            + "    quantization: {method: SymmericQuantization, bit_width: 8, dynamic_range: 4.0}\n"
            + "    selector: {method: FixPosition, position: 2}\n"
            + "    error_mode: {method: IntSignBitFlip, bit_width: 8}\n";

    @TempDir
    Path folder;

    static Path goldenDirectory() {
        return GoldenVectors.directory();
    }

    static List<Map<String, Object>> pipelineCases() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(goldenDirectory())) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Path file : files) {
            // read with Jackson directly: the golden files are data, larger than a configuration may be
            for (Object item : (List<?>) new ObjectMapper().readValue(file.toFile(), Map.class).get("cases")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) item;
                if ("pipeline".equals(fields.get("kind"))) {
                    cases.add(fields);
                }
            }
        }
        return cases;
    }

    private static float[] floats(Map<String, Object> goldenCase, String field) {
        List<?> bits = (List<?>) goldenCase.get(field);
        float[] values = new float[bits.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Float.intBitsToFloat(((Number) bits.get(i)).intValue());
        }
        return values;
    }

    private static TensorShape shape(Map<String, Object> goldenCase, String field) {
        return TensorShape.of(((List<?>) goldenCase.get(field)).stream().mapToInt(v -> ((Number) v).intValue()).toArray());
    }

    @TestFactory
    Stream<DynamicTest> applyReproducesEveryPipelineGoldenCase() throws IOException {
        List<Map<String, Object>> cases = pipelineCases();
        assertThat(cases).as("pipeline cases in " + goldenDirectory()).isNotEmpty();
        return cases.stream().map(goldenCase -> DynamicTest.dynamicTest((String) goldenCase.get("id"), () -> {
            boolean weight = !goldenCase.containsKey("activation_after");
            Path dir = Files.createDirectories(folder.resolve((String) goldenCase.get("id")));
            Path config = dir.resolve("config.json");
            new ObjectMapper().writeValue(config.toFile(), Map.of("faultinject", List.of(goldenCase.get("faultinject"))));
            Path input = dir.resolve("in.npy");
            Path output = dir.resolve("out.npy");
            TensorShape shape = shape(goldenCase, weight ? "weight_shape" : "input_shape");
            Npy.write(input, shape, floats(goldenCase, weight ? "weight" : "input"));

            CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                    "--output", output.toString(), "--type", weight ? "weight" : "activation");

            assertThat(result.exitCode()).as(result.err()).isZero();
            NpyArray written = Npy.read(output);
            assertThat(written.shape()).isEqualTo(shape);
            float[] expected = floats(goldenCase, weight ? "weight_after" : "activation_after");
            for (int i = 0; i < expected.length; i++) {
                float actual = written.data()[i];
                // by value, as the golden README says: NaN equals NaN and -0.0 equals 0.0
                boolean same = Float.isNaN(expected[i]) ? Float.isNaN(actual) : expected[i] == actual;
                assertThat(same).as("%s[%d]: expected %s, got %s", goldenCase.get("id"), i, expected[i], actual).isTrue();
            }
        }));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    @Test
    void writesFloat32WithTheInputShapeAndAManifest() throws IOException {
        Path config = write("flip.yaml", SIGN_FLIP_AT_2);
        Path input = folder.resolve("x.npy");
        Npy.write(input, TensorShape.of(2, 2), new float[] {1f, -2f, 4f, 0.5f});
        Path output = folder.resolve("y.npy");
        Path manifest = folder.resolve("faults.jsonl");

        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", output.toString(), "--manifest", manifest.toString(), "--seed", "5");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("applied 1 faultinject entry to activation_in of fc, 1 value faulted; wrote "
                + output + "\n");
        NpyArray written = Npy.read(output);
        assertThat(written.shape()).isEqualTo(TensorShape.of(2, 2));
        assertThat(written.data()[2]).isNegative();
        assertThat(Files.readAllLines(manifest)).singleElement().asString()
                .startsWith("{\"site\":\"fc/activation_in#0\",\"call\":0,\"hook\":\"activation_in\",\"index\":2,");
    }

    @Test
    void readsTheKeyedArrayOfAnNpzArchive() throws IOException {
        Path config = write("flip.yaml", SIGN_FLIP_AT_2);
        Path archive = folder.resolve("arrays.npz");
        try (OutputStream file = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String key : List.of("a", "b")) {
                zip.putNextEntry(new ZipEntry(key + ".npy"));
                Npy.write(zip, TensorShape.of(3), new float[] {1f, 2f, key.equals("a") ? 3f : 4f});
                zip.closeEntry();
            }
        }
        Path plain = folder.resolve("b.npy");
        Npy.write(plain, TensorShape.of(3), new float[] {1f, 2f, 4f});
        Path fromArchive = folder.resolve("from-archive.npy");
        Path fromPlain = folder.resolve("from-plain.npy");
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", archive.toString(),
                "--key", "b", "--output", fromArchive.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(CommandRunner.run("apply", "--config", config.toString(), "--input", plain.toString(),
                "--output", fromPlain.toString()).exitCode()).isZero();
        assertThat(Npy.read(fromArchive)).isEqualTo(Npy.read(fromPlain));
        assertThat(Npy.read(fromArchive).data()[2]).isNegative();
        Path output = fromArchive;

        CommandRunner noKey = CommandRunner.run("apply", "--config", config.toString(), "--input", archive.toString(),
                "--output", output.toString());
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).isEqualTo("mrfi: " + archive + " holds 2 arrays; choose one with --key. Available: [a, b]\n");
    }

    @Test
    void aWeightIsNeverChangedInTheInputFileAndOtherTypesAreLeftAlone() throws IOException {
        Path config = write("weight.yaml", SIGN_FLIP_AT_2.replace("type: activation", "type: weight"));
        Path input = folder.resolve("w.npy");
        Npy.write(input, TensorShape.of(4), new float[] {1f, 2f, 4f, 3f});
        Path output = folder.resolve("w-out.npy");

        CommandRunner asActivation = CommandRunner.run("apply", "--config", config.toString(), "--input",
                input.toString(), "--output", output.toString());
        assertThat(asActivation.exitCode()).isZero();
        assertThat(asActivation.err()).contains("warning: no faultinject entry of type activation_in matches module 'fc'"
                + " (Linear); the output equals the input");
        assertThat(Npy.read(output).data()).containsExactly(1f, 2f, 4f, 3f);

        CommandRunner asWeight = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", output.toString(), "--type", "weight");
        assertThat(asWeight.exitCode()).as(asWeight.err()).isZero();
        assertThat(Npy.read(output).data()[2]).isNegative();
        assertThat(Npy.read(input).data()).containsExactly(1f, 2f, 4f, 3f);
    }

    @Test
    void userErrorsExitWithTwoAndNoStackTrace() throws IOException {
        Path config = write("flip.yaml", SIGN_FLIP_AT_2);
        Path input = folder.resolve("x.npy");
        Npy.write(input, TensorShape.of(2), new float[] {1f, 2f});
        String out = folder.resolve("y.npy").toString();

        assertThat(CommandRunner.run("apply", "--config", config.toString(), "--input", folder.resolve("none.npy").toString(),
                "--output", out).err()).isEqualTo("mrfi: input file " + folder.resolve("none.npy") + " does not exist\n");
        CommandRunner badType = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", out, "--type", "activations");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).isEqualTo("mrfi: --type must be one of [activation, activation_in, activation_out,"
                + " weight, weights], got 'activations'\n");
        CommandRunner outside = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", out);
        assertThat(outside.exitCode()).isEqualTo(2);
        assertThat(outside.err()).startsWith("mrfi: cannot apply " + config + " to " + input + ": ")
                .contains("position 2 is outside the tensor").doesNotContain("\tat ");
        Path notNpy = write("text.npy", "hello");
        CommandRunner unreadable = CommandRunner.run("apply", "--config", config.toString(), "--input", notNpy.toString(),
                "--output", out);
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.err()).startsWith("mrfi: cannot read " + notNpy + ": ").doesNotContain("\tat ");
    }

    @Test
    void aConfigurationErrorPrintsTheNumberedReport() throws IOException {
        Path config = write("bad.yaml", SIGN_FLIP_AT_2.replace("IntSignBitFlip", "IntSignBitFlp"));
        Path input = folder.resolve("x.npy");
        Npy.write(input, TensorShape.of(4), new float[4]);
        CommandRunner result = CommandRunner.run("apply", "--config", config.toString(), "--input", input.toString(),
                "--output", folder.resolve("y.npy").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("MRFI-J configuration errors:\n\n1) [config/UnknownMethod]")
                .contains("Did you mean 'IntSignBitFlip'?").doesNotContain("\tat ");
    }
}
