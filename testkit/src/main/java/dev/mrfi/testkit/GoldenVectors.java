package dev.mrfi.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reference vectors are: the folder named by the environment variable {@code MRFI_GOLDEN_DIR}
 * when it is set, otherwise the project's own {@code golden} folder, found from the working directory
 * of the test (a module folder or the repository root) by walking up to the first folder that holds it.
 */
public final class GoldenVectors {

    /** The environment variable that overrides the project's copy. */
    public static final String OVERRIDE = "MRFI_GOLDEN_DIR";

    private static final String MARKER = "mrfi-golden-v1.json";

    private GoldenVectors() {
    }

    /**
     * Returns the folder of golden-vector files.
     *
     * @return the folder
     * @throws IllegalStateException when no folder is configured and none is found above the working directory
     */
    public static Path directory() {
        String configured = System.getenv(OVERRIDE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("golden");
            if (Files.isRegularFile(candidate.resolve(MARKER))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no golden folder (holding " + MARKER + ") in " + start
                + " or above it; set " + OVERRIDE + " to name one");
    }
}
