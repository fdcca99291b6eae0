package dev.mrfi.hardening;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.core.Mrfi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Every name a configuration can use: keys, hook types and each registered plugin with its parameters. */
final class Vocabulary {

    static final List<String> STRUCTURE_KEYS = List.of("faultinject", "observe", "seed", "allow_inconsistent_bit_width",
            "type", "enabled", "name", "quantization", "selector", "error_mode", "module_name", "module_type",
            "module_fullname", "activationid", "method", "layerwise", "position", "index");

    static final List<String> HOOK_TYPES = List.of("activation", "activation_in", "activation_out", "weight", "weights");

    /** Every plugin name and alias, by kind. */
    static final Map<PluginKind, List<String>> METHODS;
    /** Every parameter name of every plugin, sorted. */
    static final List<String> PARAMETERS;
    /** Every key and name above, sorted. */
    static final List<String> ALL_NAMES;

    static {
        Mrfi mrfi = Mrfi.load();
        Map<PluginKind, List<String>> methods = new TreeMap<>();
        TreeSet<String> parameters = new TreeSet<>();
        for (PluginKind kind : PluginKind.values()) {
            methods.put(kind, List.copyOf(mrfi.registry().names(kind)));
            for (PluginProvider provider : mrfi.registry().providers(kind)) {
                for (ParameterSpec<?> spec : provider.parameters().specs()) {
                    parameters.add(spec.name());
                }
            }
        }
        METHODS = Map.copyOf(methods);
        PARAMETERS = List.copyOf(parameters);
        TreeSet<String> all = new TreeSet<>(parameters);
        all.addAll(STRUCTURE_KEYS);
        all.addAll(HOOK_TYPES);
        methods.values().forEach(all::addAll);
        ALL_NAMES = List.copyOf(all);
    }

    private Vocabulary() {
    }

    /**
     * Returns every plugin name of every kind.
     *
     * @return the names
     */
    static List<String> allMethods() {
        List<String> all = new ArrayList<>();
        METHODS.values().forEach(all::addAll);
        return all;
    }
}
