package dev.mrfi.core.registry;

import com.google.inject.Inject;
import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every plugin MRFI-J can use, by kind and config name (names and aliases). Immutable and thread-safe.
 * Core reaches plugins only through this registry, so it never names a plugin class.
 */
public final class PluginRegistry {

    private final Map<PluginKind, Map<String, PluginProvider>> byName = new EnumMap<>(PluginKind.class);
    private final List<PluginLoadProblem> loadProblems;

    /**
     * Creates the registry from the Guice bindings of {@link PluginModule}.
     *
     * @param quantizations quantization providers by name and alias
     * @param errorModes    error-mode providers by name and alias
     * @param selectors     selector providers by name and alias
     * @param observers     observer providers by name and alias
     * @param loadProblems  the providers, JARs and folders that failed to load
     */
    @Inject
    public PluginRegistry(Map<String, QuantizationProvider> quantizations, Map<String, ErrorModeProvider> errorModes,
                          Map<String, SelectorProvider> selectors, Map<String, ObserverProvider> observers,
                          List<PluginLoadProblem> loadProblems) {
        this.loadProblems = List.copyOf(loadProblems);
        byName.put(PluginKind.QUANTIZATION, Collections.unmodifiableMap(new TreeMap<>(quantizations)));
        byName.put(PluginKind.ERROR_MODE, Collections.unmodifiableMap(new TreeMap<>(errorModes)));
        byName.put(PluginKind.SELECTOR, Collections.unmodifiableMap(new TreeMap<>(selectors)));
        byName.put(PluginKind.OBSERVER, Collections.unmodifiableMap(new TreeMap<>(observers)));
    }

    /**
     * Finds a provider by name or alias.
     *
     * @param kind the kind
     * @param name the config name
     * @return the provider, or empty
     */
    public Optional<PluginProvider> find(PluginKind kind, String name) {
        return Optional.ofNullable(byName.get(kind).get(name));
    }

    /**
     * Returns the providers, plugin JARs and folders that failed to load when the registry was built.
     *
     * @return an unmodifiable list; empty when everything loaded
     */
    public List<PluginLoadProblem> loadProblems() {
        return loadProblems;
    }

    /**
     * Explains, for a name that is not registered, which load failures may account for it: the failure
     * of the provider with exactly that name if one told its name before failing, else every failure of a
     * provider of that kind or of a whole JAR or folder.
     *
     * @param kind the kind looked up
     * @param name the name that was not found
     * @return one or more sentences starting with a space, or empty if nothing failed to load
     */
    public String loadFailureNote(PluginKind kind, String name) {
        for (PluginLoadProblem problem : loadProblems) {
            if (problem.kind().equals(Optional.of(kind)) && problem.name().equals(Optional.of(name))) {
                return " The " + kind.displayName() + " plugin '" + name + "' failed to load: " + problem.message() + ".";
            }
        }
        List<String> related = new ArrayList<>();
        for (PluginLoadProblem problem : loadProblems) {
            if (problem.kind().isEmpty() || problem.kind().get() == kind) {
                related.add(problem.message());
            }
        }
        if (related.isEmpty()) {
            return "";
        }
        return related.size() == 1
                ? " A plugin failed to load and may be the one meant: " + related.get(0) + "."
                : " " + related.size() + " plugins failed to load and may include the one meant: "
                        + String.join("; ", related) + ".";
    }

    /**
     * Returns every name and alias of a kind, sorted.
     *
     * @param kind the kind
     * @return the names
     */
    public Set<String> names(PluginKind kind) {
        return byName.get(kind).keySet();
    }

    /**
     * Returns the canonical names of a kind (aliases left out), sorted.
     *
     * @param kind the kind
     * @return the names
     */
    public List<String> canonicalNames(PluginKind kind) {
        List<String> names = new ArrayList<>();
        for (PluginProvider provider : providers(kind)) {
            names.add(provider.name());
        }
        return names;
    }

    /**
     * Returns each provider of a kind once, sorted by name.
     *
     * @param kind the kind
     * @return the providers
     */
    public List<PluginProvider> providers(PluginKind kind) {
        Map<PluginProvider, Boolean> unique = new IdentityHashMap<>();
        List<PluginProvider> result = new ArrayList<>();
        for (PluginProvider provider : byName.get(kind).values()) {
            if (unique.put(provider, Boolean.TRUE) == null) {
                result.add(provider);
            }
        }
        result.sort(Comparator.comparing(PluginProvider::name));
        return result;
    }
}
