package dev.mrfi.core.registry;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * An ordered list of plugin folders. Every {@code *.jar} file directly inside a folder is one plugin JAR,
 * loaded by its own class loader that sees only the MRFI-J api and the JDK; a path that names a JAR file
 * instead of a folder stands for that one JAR. Immutable.
 *
 * <pre>{@code
 * PluginFolders folders = PluginFolders.of(List.of(Path.of("plugins")))
 *         .and(PluginFolders.fromEnvironment());      // MRFI_PLUGIN_PATH=/opt/a:/opt/b
 * Mrfi mrfi = Mrfi.load(folders.folders());
 * }</pre>
 *
 * <p>A folder listed twice, or a JAR reached through two folders, is loaded once.
 */
public final class PluginFolders {

    /** The environment variable holding a list of plugin folders, separated by {@link File#pathSeparator}. */
    public static final String ENVIRONMENT_VARIABLE = "MRFI_PLUGIN_PATH";

    private static final PluginFolders NONE = new PluginFolders(List.of());

    private final List<Path> folders;

    private PluginFolders(List<Path> folders) {
        this.folders = List.copyOf(folders);
    }

    /**
     * Returns the given folders.
     *
     * @param folders folders of plugin JARs (or single JAR files), in order; not null
     * @return the folders
     */
    public static PluginFolders of(List<Path> folders) {
        Objects.requireNonNull(folders, "folders is null");
        for (Path folder : folders) {
            Objects.requireNonNull(folder, "a plugin folder is null");
        }
        return folders.isEmpty() ? NONE : new PluginFolders(folders);
    }

    /**
     * Returns no folders: only the plugins on the class path are used.
     *
     * @return the empty list of folders
     */
    public static PluginFolders none() {
        return NONE;
    }

    /**
     * Parses a list of folders separated by the platform's path separator ({@code :} on Unix, {@code ;}
     * on Windows), as {@value #ENVIRONMENT_VARIABLE} holds it. Empty entries are ignored.
     *
     * @param pathList the list; null or blank for none
     * @return the folders
     */
    public static PluginFolders parse(String pathList) {
        if (pathList == null || pathList.isBlank()) {
            return NONE;
        }
        List<Path> folders = new ArrayList<>();
        for (String entry : pathList.split(File.pathSeparator, -1)) {
            if (!entry.isBlank()) {
                folders.add(Path.of(entry.strip()));
            }
        }
        return of(folders);
    }

    /**
     * Returns the folders named by {@value #ENVIRONMENT_VARIABLE} in an environment.
     *
     * @param environment variables by name, such as {@link System#getenv()}
     * @return the folders, none if the variable is unset or blank
     */
    public static PluginFolders fromEnvironment(Map<String, String> environment) {
        return parse(Objects.requireNonNull(environment, "environment is null").get(ENVIRONMENT_VARIABLE));
    }

    /**
     * Returns the folders named by {@value #ENVIRONMENT_VARIABLE} in this process's environment.
     *
     * @return the folders, none if the variable is unset or blank
     */
    public static PluginFolders fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Returns these folders followed by others.
     *
     * @param more the folders to append
     * @return the combined list
     */
    public PluginFolders and(PluginFolders more) {
        Objects.requireNonNull(more, "more is null");
        List<Path> all = new ArrayList<>(folders);
        all.addAll(more.folders);
        return of(all);
    }

    /**
     * Returns the folders, in order, as given.
     *
     * @return an unmodifiable list
     */
    public List<Path> folders() {
        return folders;
    }

    /**
     * Lists the plugin JARs: the {@code *.jar} files of each folder sorted by name, folders in order, each
     * JAR once. A folder that does not exist or cannot be read, and a JAR that is not a readable ZIP
     * file, is reported as a problem and skipped.
     *
     * @param problems where problems go
     * @return the JARs, as absolute paths
     */
    List<Path> jars(List<PluginLoadProblem> problems) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> jars = new ArrayList<>();
        for (Path folder : folders) {
            Path absolute = folder.toAbsolutePath().normalize();
            if (Files.isRegularFile(absolute) && isJar(absolute)) {
                addJar(absolute, seen, jars, problems);
            } else if (Files.isDirectory(absolute)) {
                List<Path> found;
                try (Stream<Path> listing = Files.list(absolute)) {
                    found = listing.filter(p -> isJar(p) && Files.isRegularFile(p)).sorted().toList();
                } catch (IOException | RuntimeException e) {
                    problems.add(PluginLoadProblem.ofSource(absolute.toString(), "cannot list the plugin folder: " + e));
                    continue;
                }
                for (Path jar : found) {
                    addJar(jar, seen, jars, problems);
                }
            } else if (Files.exists(absolute)) {
                problems.add(PluginLoadProblem.ofSource(absolute.toString(),
                        "is neither a folder nor a .jar file. Give a folder of plugin JARs"));
            } else {
                problems.add(PluginLoadProblem.ofSource(absolute.toString(), "the plugin folder does not exist"));
            }
        }
        return jars;
    }

    private static boolean isJar(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    private static void addJar(Path jar, Set<Path> seen, List<Path> jars, List<PluginLoadProblem> problems) {
        Path identity;
        try {
            identity = jar.toRealPath();
        } catch (IOException e) {
            identity = jar;
        }
        if (!seen.add(identity)) {
            return;
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            jars.add(jar);
        } catch (IOException | RuntimeException e) {
            problems.add(PluginLoadProblem.ofSource(jar.toString(), "is not a readable JAR file: " + e.getMessage()));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginFolders that && folders.equals(that.folders);
    }

    @Override
    public int hashCode() {
        return folders.hashCode();
    }

    @Override
    public String toString() {
        return folders.toString();
    }
}
