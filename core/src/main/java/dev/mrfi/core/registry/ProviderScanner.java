package dev.mrfi.core.registry;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.SelectorProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds providers through {@code META-INF/services} files, in the format and order
 * {@link java.util.ServiceLoader} uses for the class path, and instantiates each one itself. Doing the
 * last step here rather than in {@code ServiceLoader} lets every failure name its source and provider
 * class: {@code ServiceLoader} reports a provider that fails to link ({@link NoClassDefFoundError})
 * without saying which one, and drops a whole services file on one malformed line.
 *
 * <p>Each provider is then asked for its name, aliases, description, parameters and kind, so a provider
 * compiled against an incompatible api ({@link AbstractMethodError} and other {@link LinkageError}s)
 * fails here, with its name, instead of later in the middle of validation.
 */
final class ProviderScanner {

    /** The provider interface of each kind, in the order kinds are scanned. */
    static final Map<PluginKind, Class<? extends PluginProvider>> SPI = Map.of(
            PluginKind.QUANTIZATION, QuantizationProvider.class,
            PluginKind.ERROR_MODE, ErrorModeProvider.class,
            PluginKind.SELECTOR, SelectorProvider.class,
            PluginKind.OBSERVER, ObserverProvider.class);

    private ProviderScanner() {
    }

    /**
     * Loads every provider listed in a services file visible to a class loader (normally the class path).
     *
     * @param loader   the class loader
     * @param found    where providers go
     * @param problems where failures go
     */
    static void scanClassPath(ClassLoader loader, List<PluginProvider> found, List<PluginLoadProblem> problems) {
        for (PluginKind kind : PluginKind.values()) {
            String resource = servicesFile(kind);
            List<URL> files;
            try {
                files = Collections.list(loader.getResources(resource));
            } catch (IOException e) {
                problems.add(PluginLoadProblem.ofSource("class path", "cannot list " + resource + ": " + e));
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (URL file : files) {
                String source = PluginSource.containerOf(file, resource);
                for (String className : readServicesFile(file, source, kind, problems)) {
                    if (seen.add(className)) {
                        load(className, loader, kind, source, found, problems);
                    }
                }
            }
        }
    }

    /**
     * Loads the providers of one plugin JAR with a class loader of its own.
     *
     * @param jar      the JAR
     * @param apiOnly  the parent loader, which shows only the api and the JDK
     * @param found    where providers go
     * @param problems where failures go
     */
    static void scanJar(Path jar, ClassLoader apiOnly, List<PluginProvider> found, List<PluginLoadProblem> problems) {
        String source = jar.toString();
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("mrfi-plugin " + jar.getFileName(), new URL[] {jar.toUri().toURL()}, apiOnly);
        } catch (MalformedURLException e) {
            problems.add(PluginLoadProblem.ofSource(source, "cannot be turned into a URL: " + e.getMessage()));
            return;
        }
        int before = found.size();
        boolean anyServicesFile = false;
        for (PluginKind kind : PluginKind.values()) {
            URL file = loader.findResource(servicesFile(kind));
            if (file == null) {
                continue;
            }
            anyServicesFile = true;
            Set<String> seen = new HashSet<>();
            for (String className : readServicesFile(file, source, kind, problems)) {
                if (seen.add(className)) {
                    load(className, loader, kind, source, found, problems);
                }
            }
        }
        if (!anyServicesFile) {
            problems.add(PluginLoadProblem.ofSource(source, "the JAR registers no provider: it has no"
                    + " META-INF/services/dev.mrfi.api... file. A plugin bundles every library it needs inside its own"
                    + " JAR; other JARs in the folder are not visible to it"));
        }
        if (found.size() == before) {
            closeQuietly(loader);
        }
        // Otherwise the loader stays open for the life of the providers: their classes load lazily.
    }

    static String servicesFile(PluginKind kind) {
        return "META-INF/services/" + SPI.get(kind).getName();
    }

    private static List<String> readServicesFile(URL file, String source, PluginKind kind,
                                                 List<PluginLoadProblem> problems) {
        List<String> names = new ArrayList<>();
        try {
            URLConnection connection = file.openConnection();
            // an uncached connection closes its JAR file with the stream
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    int comment = line.indexOf('#');
                    String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (!isClassName(name)) {
                        problems.add(PluginLoadProblem.ofProvider(source, kind, name, null, "line " + number + " of "
                                + servicesFile(kind) + " is not a class name. Write one fully qualified class name"
                                + " per line"));
                        continue;
                    }
                    names.add(name);
                }
            }
        } catch (IOException e) {
            problems.add(PluginLoadProblem.ofSource(source, "cannot read " + servicesFile(kind) + ": " + e));
        }
        return names;
    }

    private static boolean isClassName(String name) {
        boolean start = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' && !start && i < name.length() - 1) {
                start = true;
            } else if (start ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                start = false;
            } else {
                return false;
            }
        }
        return !start;
    }

    private static void load(String className, ClassLoader loader, PluginKind kind, String source,
                             List<PluginProvider> found, List<PluginLoadProblem> problems) {
        Class<? extends PluginProvider> spi = SPI.get(kind);
        Object instance;
        try {
            Class<?> type = Class.forName(className, false, loader);
            if (!spi.isAssignableFrom(type)) {
                problems.add(PluginLoadProblem.ofProvider(source, kind, className, null,
                        "it does not implement " + spi.getName()));
                return;
            }
            if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
                problems.add(PluginLoadProblem.ofProvider(source, kind, className, null,
                        "it must be a public, non-abstract class"));
                return;
            }
            Constructor<?> constructor = type.getConstructor();
            instance = constructor.newInstance();
        } catch (ClassNotFoundException e) {
            problems.add(PluginLoadProblem.ofProvider(source, kind, className, null, "the class is not in "
                    + (source.endsWith(".jar") ? "the JAR" : "its class path entry") + ". Check the name listed in "
                    + servicesFile(kind)));
            return;
        } catch (NoSuchMethodException e) {
            problems.add(PluginLoadProblem.ofProvider(source, kind, className, null,
                    "it has no public no-argument constructor"));
            return;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(PluginLoadProblem.ofProvider(source, kind, className, null, cause instanceof LinkageError
                    ? linkageReason((LinkageError) cause) : "its constructor threw " + describe(cause)));
            return;
        } catch (ExceptionInInitializerError e) {
            problems.add(PluginLoadProblem.ofProvider(source, kind, className, null,
                    "its static initializer threw " + describe(e.getCause())));
            return;
        } catch (LinkageError e) {
            problems.add(PluginLoadProblem.ofProvider(source, kind, className, null, linkageReason(e)));
            return;
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(PluginLoadProblem.ofProvider(source, kind, className, null,
                    "it cannot be instantiated: " + describe(e)));
            return;
        }
        PluginProvider provider = (PluginProvider) instance;
        String problem = probe(provider, kind);
        if (problem != null) {
            problems.add(PluginLoadProblem.ofProvider(source, kind, className, safeName(provider), problem));
            return;
        }
        found.add(provider);
    }

    /** Calls every metadata method once; returns why the provider is unusable, or null. */
    private static String probe(PluginProvider provider, PluginKind kind) {
        String method = "name()";
        try {
            String name = provider.name();
            if (name == null || name.isBlank()) {
                return "name() returned " + (name == null ? "null" : "a blank name");
            }
            method = "aliases()";
            Set<String> aliases = provider.aliases();
            if (aliases == null || aliases.stream().anyMatch(a -> a == null || a.isBlank())) {
                return "aliases() returned null or a blank alias";
            }
            method = "description()";
            String description = provider.description();
            if (description == null || description.isBlank()) {
                return "description() returned " + (description == null ? "null" : "a blank text");
            }
            method = "parameters()";
            ParameterSchema schema = provider.parameters();
            if (schema == null) {
                return "parameters() returned null";
            }
            method = "kind()";
            PluginKind declared = provider.kind();
            if (declared != kind) {
                return "kind() says " + declared + " but the provider is registered as a " + kind.displayName()
                        + " provider";
            }
            return null;
        } catch (LinkageError e) {
            return linkageReason(e);
        } catch (RuntimeException e) {
            return method + " threw " + describe(e);
        }
    }

    private static String safeName(PluginProvider provider) {
        try {
            String name = provider.name();
            return name == null || name.isBlank() ? null : name;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String linkageReason(LinkageError e) {
        if (e instanceof NoClassDefFoundError) {
            String missing = e.getMessage() == null ? "?" : e.getMessage().replace('/', '.');
            return "it needs class " + missing + ", which its class loader cannot find (NoClassDefFoundError)."
                    + " A plugin JAR sees only mrfi-api and the JDK: bundle any other library inside it";
        }
        if (e instanceof UnsupportedClassVersionError) {
            return "it was compiled for a newer Java than this one (Java " + Runtime.version().feature() + "): "
                    + e.getMessage();
        }
        return "it was compiled against an incompatible mrfi-api (" + describe(e) + "). Rebuild it against the"
                + " mrfi-api of this MRFI-J version";
    }

    private static String describe(Throwable e) {
        String text = String.valueOf(e);
        while (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // nothing was loaded from it; an unclosed file handle is all that remains
        }
    }
}
