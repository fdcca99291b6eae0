package dev.mrfi.core.registry;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.problem.CoreErrorId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The providers found on the class path and in plugin folders, checked for name clashes, together with
 * the providers that failed to load. Immutable.
 *
 * <p>Providers are registered in {@code META-INF/services/<provider interface>} files, one class name a
 * line, as for {@link java.util.ServiceLoader}. Each JAR of a plugin folder is loaded by a class loader of
 * its own whose parent shows only the MRFI-J api and the JDK (see {@link PluginFolders}).
 *
 * <p>Two ways to load: {@link #discover(ClassLoader)} fails on the first sign of trouble;
 * {@link #discoverLeniently(ClassLoader, List)} keeps every provider that loaded and reports each one
 * that did not in {@link #loadProblems()}, naming its JAR and class, so one broken JAR does not take the
 * others down. Both always reject two providers of one kind that claim the same name or alias.
 */
public final class DiscoveredPlugins {

    private final Map<PluginKind, List<PluginProvider>> byKind;
    private final List<PluginLoadProblem> loadProblems;

    private DiscoveredPlugins(Map<PluginKind, List<PluginProvider>> byKind, List<PluginLoadProblem> loadProblems) {
        this.byKind = byKind;
        this.loadProblems = List.copyOf(loadProblems);
    }

    /**
     * Finds every provider visible to a class loader, failing fast.
     *
     * @param loader the class loader whose {@code META-INF/services} entries are read
     * @return the providers
     * @throws ConfigurationException if a provider cannot be loaded or two providers of one kind claim the
     *                                same name or alias; the message names the sources
     */
    public static DiscoveredPlugins discover(ClassLoader loader) {
        return discoverLeniently(loader, List.of()).requireNoLoadProblems();
    }

    /**
     * Finds every provider visible to a class loader and in plugin folders, keeping those that load.
     *
     * @param builtIns      the class loader whose {@code META-INF/services} entries are read, normally the
     *                      one that loaded MRFI-J
     * @param pluginFolders folders of plugin JARs, in order (see {@link PluginFolders}); may be empty
     * @return the providers that loaded, and a problem for each provider, JAR or folder that did not
     * @throws ConfigurationException if two providers of one kind claim the same name or alias; the
     *                                message names both sources and lists any load problems as well
     */
    public static DiscoveredPlugins discoverLeniently(ClassLoader builtIns, List<Path> pluginFolders) {
        Objects.requireNonNull(builtIns, "builtIns is null");
        List<PluginProvider> found = new ArrayList<>();
        List<PluginLoadProblem> problems = new ArrayList<>();
        ProviderScanner.scanClassPath(builtIns, found, problems);
        List<Path> jars = PluginFolders.of(pluginFolders).jars(problems);
        if (!jars.isEmpty()) {
            ClassLoader apiOnly = new ApiOnlyClassLoader(PluginProvider.class.getClassLoader());
            for (Path jar : jars) {
                ProviderScanner.scanJar(jar, apiOnly, found, problems);
            }
        }
        return checked(found, problems);
    }

    /**
     * Checks a given set of providers, as {@link #discover} does.
     *
     * @param providers the providers, any kinds
     * @return the checked providers, without load problems
     * @throws ConfigurationException if two providers of one kind claim the same name or alias
     */
    public static DiscoveredPlugins of(List<? extends PluginProvider> providers) {
        return checked(providers, List.of());
    }

    private static DiscoveredPlugins checked(List<? extends PluginProvider> providers,
                                             List<PluginLoadProblem> loadProblems) {
        Map<PluginKind, List<PluginProvider>> found = new EnumMap<>(PluginKind.class);
        for (PluginProvider provider : providers) {
            found.computeIfAbsent(provider.kind(), k -> new ArrayList<>()).add(provider);
        }
        List<ConfigProblem> clashes = new ArrayList<>();
        for (Map.Entry<PluginKind, List<PluginProvider>> entry : found.entrySet()) {
            Map<String, PluginProvider> claimed = new HashMap<>();
            for (PluginProvider provider : entry.getValue()) {
                List<String> names = new ArrayList<>();
                names.add(provider.name());
                names.addAll(provider.aliases().stream().sorted().toList());
                for (String name : names) {
                    PluginProvider previous = claimed.putIfAbsent(name, provider);
                    if (previous != null && previous != provider) {
                        clashes.add(new ConfigProblem(CoreErrorId.DUPLICATE_PLUGIN, "",
                                "two " + entry.getKey().displayName() + " plugins claim the name '" + name + "': "
                                        + PluginSource.describe(previous) + " and " + PluginSource.describe(provider)
                                        + ". Remove one of them from the class path or plugin folder."));
                    }
                }
            }
        }
        if (!clashes.isEmpty()) {
            for (PluginLoadProblem problem : loadProblems) {
                clashes.add(problem.toConfigProblem());
            }
            throw new ConfigurationException(clashes);
        }
        Map<PluginKind, List<PluginProvider>> frozen = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : PluginKind.values()) {
            frozen.put(kind, List.copyOf(found.getOrDefault(kind, List.of())));
        }
        return new DiscoveredPlugins(frozen, loadProblems);
    }

    /**
     * Returns the providers, plugin JARs and folders that could not be loaded, in discovery order.
     *
     * @return an unmodifiable list; empty when everything loaded
     */
    public List<PluginLoadProblem> loadProblems() {
        return loadProblems;
    }

    /**
     * Fails if anything could not be loaded.
     *
     * @return this, when {@link #loadProblems()} is empty
     * @throws ConfigurationException listing every load problem, each naming its JAR and provider class
     */
    public DiscoveredPlugins requireNoLoadProblems() {
        if (!loadProblems.isEmpty()) {
            throw new ConfigurationException(loadProblems.stream().map(PluginLoadProblem::toConfigProblem).toList());
        }
        return this;
    }

    /**
     * Returns the providers of one kind, in discovery order.
     *
     * @param kind the kind
     * @return an unmodifiable list, possibly empty
     */
    public List<PluginProvider> providers(PluginKind kind) {
        return byKind.get(kind);
    }

    /**
     * Returns the providers of one kind, typed.
     *
     * @param kind the kind
     * @param type the provider interface of that kind
     * @param <P>  the provider type
     * @return the providers
     */
    public <P extends PluginProvider> List<P> providers(PluginKind kind, Class<P> type) {
        List<P> typed = new ArrayList<>();
        for (PluginProvider provider : byKind.get(kind)) {
            typed.add(type.cast(provider));
        }
        return typed;
    }
}
