package dev.mrfi.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root folder, for tests that check files the build does not package (the README,
 * documentation, reference vectors): the first folder, from the working directory of the test upwards,
 * that holds both {@code pom.xml} and {@code golden/}.
 */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /**
     * Returns the repository root.
     *
     * @return the folder
     * @throws IllegalStateException when the working directory is not inside the repository
     */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("pom.xml")) && Files.isDirectory(folder.resolve("golden"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no repository root (a folder with pom.xml and golden/) in " + start
                + " or above it");
    }
}
