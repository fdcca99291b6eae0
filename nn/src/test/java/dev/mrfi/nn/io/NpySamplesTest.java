package dev.mrfi.nn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the files NumPy wrote ({@code tools/train/make_npy_samples.py}) and compares them with the dtype,
 * shape and values its manifest lists.
 */
class NpySamplesTest {

    private static final String FOLDER = "/dev/mrfi/nn/npy-samples/";

    private static Path folder() throws URISyntaxException {
        return Path.of(NpySamplesTest.class.getResource(FOLDER + "manifest.json").toURI()).getParent();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> manifestFiles() throws Exception {
        String text = Files.readString(folder().resolve("manifest.json"), StandardCharsets.UTF_8);
        return (List<Map<String, Object>>) ((Map<String, Object>) SimpleJson.parse(text)).get("files");
    }

    @TestFactory
    Stream<DynamicTest> readsEveryNpySampleAsNumPyWroteIt() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> entry : manifestFiles()) {
            if (entry.get("kind").equals("npy")) {
                String file = (String) entry.get("file");
                tests.add(DynamicTest.dynamicTest(file, () -> assertMatches(Npy.read(folder().resolve(file)), entry)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> readsEveryNpzSampleFromFilesAndStreams() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, Object> entry : manifestFiles()) {
            if (entry.get("kind").equals("npz")) {
                String file = (String) entry.get("file");
                tests.add(DynamicTest.dynamicTest(file, () -> {
                    Map<String, NpyArray> fromFile = Npz.read(folder().resolve(file));
                    Map<String, NpyArray> fromStream;
                    try (InputStream in = NpySamplesTest.class.getResourceAsStream(FOLDER + file)) {
                        fromStream = Npz.read(in, file);
                    }
                    assertMembersMatch(fromFile, entry);
                    assertThat(fromStream).isEqualTo(fromFile);
                }));
            }
        }
        assertThat(tests).hasSize(2);
        return tests.stream();
    }

    @Test
    void writesFloat32ArraysByteForByteAsNumPyDoes() throws Exception {
        Path sample = folder().resolve("float32_c_2x3.npy");
        NpyArray array = Npy.read(sample);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        Npy.write(out, array.shape(), array.data());

        assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(sample));
    }

    @SuppressWarnings("unchecked")
    private static void assertMembersMatch(Map<String, NpyArray> arrays, Map<String, Object> entry) {
        List<Map<String, Object>> members = (List<Map<String, Object>>) entry.get("members");
        List<String> keys = members.stream().map(member -> ((String) member.get("name")).replace(".npy", "")).toList();
        assertThat(arrays.keySet()).containsExactlyElementsOf(keys);
        for (Map<String, Object> member : members) {
            assertMatches(arrays.get(((String) member.get("name")).replace(".npy", "")), member);
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertMatches(NpyArray array, Map<String, Object> expected) {
        String descr = (String) expected.get("dtype");
        List<Object> dims = (List<Object>) expected.get("shape");
        List<Object> values = (List<Object>) expected.get("values");
        assertThat(array.dtype().kind()).isEqualTo(descr.charAt(1));
        assertThat(array.dtype().itemSize()).isEqualTo(Integer.parseInt(descr.substring(2)));
        assertThat(array.shape()).isEqualTo(TensorShape.of(dims.stream()
                .mapToInt(dim -> Integer.parseInt(((SimpleJson.Number) dim).text())).toArray()));
        float[] expectedValues = new float[values.size()];
        for (int i = 0; i < expectedValues.length; i++) {
            expectedValues[i] = toFloat(values.get(i));
        }
        // exact, compared as Float.equals does: -0.0 differs from 0.0, NaN equals NaN
        assertThat(array.data()).containsExactly(expectedValues);
    }

    private static float toFloat(Object value) {
        if (value instanceof String special) {
            return switch (special) {
                case "nan" -> Float.NaN;
                case "inf" -> Float.POSITIVE_INFINITY;
                case "-inf" -> Float.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException(special);
            };
        }
        String text = ((SimpleJson.Number) value).text();
        boolean integer = text.chars().allMatch(c -> c == '-' || Character.isDigit(c));
        return integer ? (float) Long.parseLong(text) : (float) Double.parseDouble(text);
    }

    @Test
    void manifestListsEverySampleFile() throws Exception {
        List<String> listed = manifestFiles().stream().map(entry -> (String) entry.get("file")).toList();
        try (Stream<Path> files = Files.list(folder())) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> !name.equals("manifest.json")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
    }

    @Test
    void failsClearlyWhenASampleIsReadAsTheWrongFormat() throws Exception {
        Path archive = folder().resolve("two_arrays_stored.npz");

        assertThatThrownBy(() -> Npy.read(archive))
                .hasMessageContaining("[npy/BadMagic]")
                .hasMessageEndingWith("This is a ZIP archive; read .npz files with Npz.read");
        assertThatThrownBy(() -> Npz.read(folder().resolve("int8_5.npy")))
                .hasMessageContaining("[npz/BadArchive]")
                .hasMessageEndingWith("This is a single NPY array; read it with Npy.read");
    }
}
