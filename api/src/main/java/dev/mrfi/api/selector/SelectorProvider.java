package dev.mrfi.api.selector;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import java.util.Optional;

/**
 * Finds and builds one selector. Register an implementation in
 * {@code META-INF/services/dev.mrfi.api.selector.SelectorProvider}.
 *
 * <p>Stateless; see {@link PluginProvider} for the rules every provider follows.
 *
 * @since 0.1
 */
public interface SelectorProvider extends PluginProvider {

    /**
     * Builds the operator.
     *
     * @param config parameters already validated against {@link #parameters()}
     * @return an immutable, thread-safe selector
     */
    Selector create(PluginConfig config);

    /**
     * Returns the parameter that sets the fraction of positions this selector chooses, when it is driven
     * by a rate. Experiments that sweep a bit error rate set this parameter, and only this one, on every
     * rate-driven selector; a selector without one (fixed positions, fixed counts) is not swept. The
     * parameter must be one of {@link #parameters()}, a probability in {@code [0, 1]}.
     *
     * @return the rate parameter, or empty for a selector not driven by a rate
     * @since 0.1
     */
    default Optional<ParameterSpec<Double>> rateParameter() {
        return Optional.empty();
    }

    @Override
    default PluginKind kind() {
        return PluginKind.SELECTOR;
    }
}
