package dev.mrfi.selector;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.Optional;

/**
 * {@code RandomPositionByRate}: each element is chosen with probability {@code rate} on average. Unlike
 * the reference, every rate in [0, 1] is accepted (the reference rejects exactly 0.1 and 1) and it is
 * checked when the configuration is loaded.
 */
public final class RandomPositionByRateProvider implements SelectorProvider {

    static final ParameterSpec<Double> RATE = SelectorParameters.rate(1e-4);

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(RATE, SelectorParameters.POISSON, SelectorParameters.DISTINCT);

    @Override
    public String name() {
        return "RandomPositionByRate";
    }

    @Override
    public String description() {
        return "Selects uniformly random positions whose number averages rate times the tensor's size.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Optional<ParameterSpec<Double>> rateParameter() {
        return Optional.of(RATE);
    }

    @Override
    public Selector create(PluginConfig config) {
        return new RandomPositionByRate(config.get(RATE), config.get(SelectorParameters.POISSON),
                config.get(SelectorParameters.DISTINCT));
    }
}
