package dev.mrfi.core.registry;

import dev.mrfi.api.PluginProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Builds small plugin JARs at test time: Java sources compiled against mrfi-api, plus services files. */
final class TestJars {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();
    private final List<String> omitted = new ArrayList<>();

    static TestJars builder() {
        return new TestJars();
    }

    /** Adds a source file for a top-level class, given by its fully qualified name. */
    TestJars source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Adds a line to {@code META-INF/services/<spi>}. */
    TestJars service(Class<? extends PluginProvider> spi, String line) {
        services.computeIfAbsent(spi.getName(), k -> new ArrayList<>()).add(line);
        return this;
    }

    /** Leaves a compiled class (and its nested classes) out of the JAR. */
    TestJars omit(String className) {
        omitted.add(className);
        return this;
    }

    Path build(Path jar) throws IOException {
        Path classes = Files.createTempDirectory("mrfi-test-classes");
        try {
            compile(classes);
            writeJar(classes, jar);
        } finally {
            deleteTree(classes);
        }
        return jar;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void writeJar(Path classes, Path jar) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                String entry = classes.relativize(path).toString().replace('\\', '/');
                if (isOmitted(entry)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
            for (Map.Entry<String, List<String>> servicesFile : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + servicesFile.getKey()));
                out.write((String.join("\n", servicesFile.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private boolean isOmitted(String entry) {
        for (String className : omitted) {
            String base = className.replace('.', '/');
            if (entry.equals(base + ".class") || entry.startsWith(base + "$")) {
                return true;
            }
        }
        return false;
    }

    private void compile(Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new Source(name, code)));
        StringWriter messages = new StringWriter();
        List<String> options = List.of("--release", "17", "-proc:none", "-classpath", apiLocation().toString(),
                "-d", classes.toString());
        boolean ok = compiler.getTask(messages, null, null, options, null, units).call();
        if (!ok) {
            throw new IllegalStateException("test plugin sources do not compile:\n" + messages);
        }
    }

    static Path apiLocation() {
        try {
            return Path.of(PluginProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
