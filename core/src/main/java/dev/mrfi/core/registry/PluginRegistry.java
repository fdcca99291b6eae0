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

    /**
     * Creates the registry from the Guice map bindings of {@link PluginModule}.
     *
     * @param quantizations quantization providers by name and alias
     * @param errorModes    error-mode providers by name and alias
     * @param selectors     selector providers by name and alias
     * @param observers     observer providers by name and alias
     */
    @Inject
    public PluginRegistry(Map<String, QuantizationProvider> quantizations, Map<String, ErrorModeProvider> errorModes,
                          Map<String, SelectorProvider> selectors, Map<String, ObserverProvider> observers) {
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
