package dev.mrfi.api.config;

import java.util.List;

/**
 * A condition that involves several parameters of one plugin, such as {@code low < high}. Rules run only
 * when every parameter was valid on its own.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ParameterRule {

    /**
     * Checks the parameters together.
     *
     * @param config the individually valid configuration
     * @return the problems found, with parameter names as paths; empty if the rule holds
     */
    List<ConfigProblem> check(PluginConfig config);
}
