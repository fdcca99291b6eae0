package dev.mrfi.core.config;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.core.problem.CoreErrorId;
import dev.mrfi.core.registry.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a plugin block in the reference's flat form, {@code {method: Name, param: value, ...}}:
 * resolves the method through the registry and binds the remaining keys against the plugin's schema.
 * Thread-safe.
 */
public final class PluginBlocks {

    /** Keys of a quantization block that belong to the injector entry, not to the quantization method. */
    public static final Set<String> QUANTIZATION_ENTRY_KEYS = Set.of("layerwise");

    private final PluginRegistry registry;

    /**
     * Creates the validator.
     *
     * @param registry where method names are looked up
     */
    public PluginBlocks(PluginRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry is null");
    }

    /**
     * Returns the registry methods are resolved in.
     *
     * @return the registry
     */
    public PluginRegistry registry() {
        return registry;
    }

    /**
     * Resolves and validates one block.
     *
     * @param kind         the block's kind
     * @param type         the provider interface of that kind
     * @param raw          the block as parsed
     * @param path         the block's YAML path, for example {@code faultinject[0].quantization}
     * @param reservedKeys keys the caller handles itself (such as {@code layerwise}), skipped here
     * @param <P>          the provider type
     * @return the provider and its validated parameters
     * @throws ConfigurationException listing every problem of the block with full paths
     */
    public <P extends PluginProvider> BoundPlugin<P> bind(PluginKind kind, Class<P> type, Object raw, String path,
                                                          Set<String> reservedKeys) {
        if (!(raw instanceof Map)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.WRONG_STRUCTURE, path,
                    "a " + kind.displayName() + " block must be a mapping with a 'method' key, got "
                            + ValueTypes.describe(raw)));
        }
        Map<?, ?> block = (Map<?, ?>) raw;
        Object method = block.get("method");
        if (method == null) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.MISSING_METHOD, path + ".method",
                    "the " + kind.displayName() + " block has no 'method'. Available: "
                            + registry.canonicalNames(kind) + "."));
        }
        if (!(method instanceof String)) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.WRONG_TYPE, path + ".method",
                    "expected the name of a " + kind.displayName() + ", got " + ValueTypes.describe(method)
                            + ". Available: " + registry.canonicalNames(kind) + "."));
        }
        Optional<PluginProvider> provider = registry.find(kind, (String) method);
        if (provider.isEmpty()) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.UNKNOWN_METHOD, path + ".method",
                    "unknown " + kind.displayName() + " " + ValueTypes.describe(method) + ". Available: "
                            + registry.canonicalNames(kind) + "."
                            + NameSuggestions.hint((String) method, registry.names(kind))
                            + registry.loadFailureNote(kind, (String) method)));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<?, ?> entry : block.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!(entry.getKey() instanceof String)) {
                problems.add(new ConfigProblem(ErrorId.UNKNOWN_PARAMETER, path + "." + key, "the parameter name "
                        + ValueTypes.describe(entry.getKey()) + " is " + EasyConfigLoader.kindOf(entry.getKey())
                        + ", not a name. Allowed: " + provider.get().parameters().names() + "."));
            } else if (!key.equals("method") && !reservedKeys.contains(key)) {
                parameters.put(key, entry.getValue());
            }
        }
        PluginConfig config = null;
        try {
            config = provider.get().parameters().bind(parameters);
        } catch (ConfigurationException e) {
            problems.addAll(e.under(path).problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new BoundPlugin<>(type.cast(provider.get()), config, path);
    }

    /**
     * Runs {@link #bind} and adds its problems to a list instead of throwing.
     *
     * @param kind         the block's kind
     * @param type         the provider interface
     * @param raw          the block
     * @param path         its YAML path
     * @param reservedKeys keys skipped here
     * @param problems     where problems go
     * @param <P>          the provider type
     * @return the bound plugin, or empty if the block had problems
     */
    public <P extends PluginProvider> Optional<BoundPlugin<P>> bindCollecting(
            PluginKind kind, Class<P> type, Object raw, String path, Set<String> reservedKeys,
            List<ConfigProblem> problems) {
        try {
            return Optional.of(bind(kind, type, raw, path, reservedKeys));
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
            return Optional.empty();
        }
    }
}
