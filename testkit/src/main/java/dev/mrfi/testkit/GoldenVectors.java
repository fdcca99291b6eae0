package dev.mrfi.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the reference vectors are: the folder named by the environment variable {@code MRFI_GOLDEN_DIR}
 * when it is set, otherwise the project's own {@code golden} folder under {@link ProjectFiles#root()}.
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
        Path folder = ProjectFiles.root().resolve("golden");
        if (!Files.isRegularFile(folder.resolve(MARKER))) {
            throw new IllegalStateException(folder + " holds no " + MARKER + "; set " + OVERRIDE + " to name a folder");
        }
        return folder;
    }
}
