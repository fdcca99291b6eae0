package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.testkit.GoldenVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of every {@code *.json} file in the project's {@code golden} folder (or the folder named by
 * {@code MRFI_GOLDEN_DIR}), recomputed and compared exactly. A case of a kind
 * without a runner is reported as skipped, by name.
 */
class GoldenVectorsTest {

    private static final List<GoldenCaseRunner> RUNNERS = List.of(new QuantizationCases(), new ErrorModeCases(),
            new PipelineCases(), new ElemwiseCases(), new MxCases());

    static Path goldenDirectory() {
        return GoldenVectors.directory();
    }

    static List<GoldenCase> loadCases(Path directory) throws IOException {
        assertThat(directory).as("golden-vector folder (set MRFI_GOLDEN_DIR)").isDirectory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("golden-vector files in " + directory).isNotEmpty();
        List<GoldenCase> cases = new ArrayList<>();
        for (Path file : files) {
            Map<?, ?> document = (Map<?, ?>) ConfigDocuments.read(file);
            for (Object item : (List<?>) document.get("cases")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) item;
                cases.add(new GoldenCase(file.getFileName().toString(), fields));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicNode> everyGoldenCaseIsReproducedExactly() throws IOException {
        Mrfi mrfi = Mrfi.load();
        List<GoldenCase> cases = loadCases(goldenDirectory());
        return cases.stream().map(goldenCase -> DynamicTest.dynamicTest(goldenCase.kind() + " " + goldenCase.id(), () -> {
            Optional<GoldenCaseRunner> runner = RUNNERS.stream()
                    .filter(r -> r.kind().equals(goldenCase.kind())).findFirst();
            Assumptions.assumeTrue(runner.isPresent(),
                    "skipped: golden case " + goldenCase.id() + " of kind '" + goldenCase.kind() + "' is not implemented yet");
            runner.get().check(goldenCase, mrfi);
        }));
    }
}
