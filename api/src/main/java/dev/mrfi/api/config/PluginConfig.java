package dev.mrfi.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The validated parameters of one plugin, by name, as typed values. Immutable.
 *
 * <p>Build one with {@link ParameterSchema#bind(Map)}, which validates; core does this for every block
 * of a configuration before calling a provider.
 *
 * @since 0.1
 */
public final class PluginConfig {

    private static final PluginConfig EMPTY = new PluginConfig(Map.of());

    private final Map<String, Object> values;

    private PluginConfig(Map<String, Object> values) {
        this.values = values;
    }

    static PluginConfig of(Map<String, Object> typedValues) {
        return typedValues.isEmpty() ? EMPTY
                : new PluginConfig(Collections.unmodifiableMap(new LinkedHashMap<>(typedValues)));
    }

    /**
     * Returns a configuration without parameters, for plugins that take none.
     *
     * @return the empty configuration
     */
    public static PluginConfig empty() {
        return EMPTY;
    }

    /**
     * Returns a copy with one parameter set to a new value, checked against the parameter's constraints.
     * This is how experiments edit a validated configuration (a selector's rate at each point of a bit
     * error rate sweep) without going back to the document. The schema's cross-parameter rules are not
     * run again; edit only parameters that no rule involves.
     *
     * @param spec  the parameter, one of the plugin's schema
     * @param value its new value
     * @param <T>   its type
     * @return the new configuration
     * @throws ConfigurationException if the value violates a constraint of the parameter
     * @since 0.1
     */
    public <T> PluginConfig with(ParameterSpec<T> spec, T value) {
        Objects.requireNonNull(spec, "spec is null");
        Objects.requireNonNull(value, "value is null");
        for (Constraint<? super T> constraint : spec.constraints()) {
            if (!constraint.test().test(value)) {
                throw new ConfigurationException(new ConfigProblem(ErrorId.OUT_OF_RANGE, spec.name(),
                        "must be " + constraint.description() + ", got " + ValueTypes.describe(value)));
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(spec.name(), value);
        return of(copy);
    }

    /**
     * Returns a parameter's value, or its default when it was not given.
     *
     * @param spec the parameter
     * @param <T>  its type
     * @return the value, never null
     * @throws IllegalStateException if the parameter was not given and has no default (a plugin that
     *                               reads such a parameter must check {@link #has(ParameterSpec)} first)
     */
    public <T> T get(ParameterSpec<T> spec) {
        Objects.requireNonNull(spec, "spec is null");
        Object value = values.get(spec.name());
        if (value != null) {
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            return typed;
        }
        return spec.defaultValue().orElseThrow(() -> new IllegalStateException(
                "parameter '" + spec.name() + "' was not given and has no default"));
    }

    /**
     * Tells whether a parameter was given explicitly.
     *
     * @param spec the parameter
     * @return true if present in the configuration
     */
    public boolean has(ParameterSpec<?> spec) {
        return values.containsKey(spec.name());
    }

    /**
     * Returns the explicitly given values, by parameter name.
     *
     * @return an unmodifiable map in declaration order
     */
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginConfig && values.equals(((PluginConfig) other).values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
