package dev.mrfi.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every parameter a plugin accepts, in declaration order, plus rules across parameters. Immutable.
 *
 * <p>The one source for validation ({@link #bind(Map)}), documentation and the {@code mrfi plugins}
 * listing.
 *
 * @since 0.1
 */
public final class ParameterSchema {

    private static final ParameterSchema EMPTY = new ParameterSchema(List.of(), List.of());

    private final List<ParameterSpec<?>> specs;
    private final List<ParameterRule> rules;

    private ParameterSchema(List<ParameterSpec<?>> specs, List<ParameterRule> rules) {
        this.specs = List.copyOf(specs);
        this.rules = List.copyOf(rules);
        TreeSet<String> seen = new TreeSet<>();
        for (ParameterSpec<?> spec : specs) {
            if (!seen.add(spec.name())) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' is declared twice");
            }
        }
    }

    /**
     * Returns a schema with the given parameters and no rules.
     *
     * @param specs the parameters, in the order documentation lists them
     * @return the schema
     */
    public static ParameterSchema of(ParameterSpec<?>... specs) {
        return specs.length == 0 ? EMPTY : new ParameterSchema(List.of(specs), List.of());
    }

    /**
     * Returns the schema of a plugin without parameters.
     *
     * @return the empty schema
     */
    public static ParameterSchema empty() {
        return EMPTY;
    }

    /**
     * Returns a copy with one more cross-parameter rule.
     *
     * @param rule the rule
     * @return the new schema
     */
    public ParameterSchema withRule(ParameterRule rule) {
        List<ParameterRule> all = new ArrayList<>(rules);
        all.add(Objects.requireNonNull(rule, "rule is null"));
        return new ParameterSchema(specs, all);
    }

    /**
     * Returns the parameters.
     *
     * @return an unmodifiable list in declaration order
     */
    public List<ParameterSpec<?>> specs() {
        return specs;
    }

    /**
     * Finds a parameter by name.
     *
     * @param name the snake_case name
     * @return the spec, or empty
     */
    public Optional<ParameterSpec<?>> find(String name) {
        for (ParameterSpec<?> spec : specs) {
            if (spec.name().equals(name)) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the parameter names, sorted.
     *
     * @return the names
     */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (ParameterSpec<?> spec : specs) {
            names.add(spec.name());
        }
        Collections.sort(names);
        return names;
    }

    /**
     * Validates raw parameters and returns them typed. Every problem is collected: unknown parameters
     * (with a suggestion), missing required ones, wrong types, violated constraints and, when all
     * parameters are individually valid, the schema's rules.
     *
     * @param raw raw values by parameter name, as parsed from YAML or JSON; a null value counts as absent
     * @return the validated configuration
     * @throws ConfigurationException listing every problem, with parameter names as paths
     */
    public PluginConfig bind(Map<String, ?> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            String key = entry.getKey();
            Optional<ParameterSpec<?>> spec = find(key);
            if (spec.isEmpty()) {
                problems.add(new ConfigProblem(ErrorId.UNKNOWN_PARAMETER, key, "unknown parameter '" + key
                        + "'. Allowed: " + (specs.isEmpty() ? "none" : names().toString()) + "."
                        + NameSuggestions.hint(key, names())));
            } else if (entry.getValue() != null) {
                try {
                    typed.put(key, spec.get().bind(entry.getValue()));
                } catch (ConfigurationException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        for (ParameterSpec<?> spec : specs) {
            if (spec.required() && raw.get(spec.name()) == null) {
                problems.add(new ConfigProblem(ErrorId.MISSING_PARAMETER, spec.name(),
                        "required parameter '" + spec.name() + "' (" + spec.typeText() + ") is missing. "
                                + spec.description()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        PluginConfig config = PluginConfig.of(typed);
        for (ParameterRule rule : rules) {
            problems.addAll(rule.check(config));
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return config;
    }
}
