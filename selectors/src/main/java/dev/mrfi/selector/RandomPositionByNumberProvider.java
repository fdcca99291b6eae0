package dev.mrfi.selector;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;

/** {@code RandomPositionByNumber}: a fixed number of uniform random positions per call. */
public final class RandomPositionByNumberProvider implements SelectorProvider {

    static final ParameterSpec<Integer> N = SelectorParameters.count(1,
            "Number of positions drawn per call, over the whole tensor or, with per_instance, inside each instance.");

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(N, SelectorParameters.PER_INSTANCE, SelectorParameters.DISTINCT);

    @Override
    public String name() {
        return "RandomPositionByNumber";
    }

    @Override
    public String description() {
        return "Selects n uniformly random positions per call, over the whole tensor or inside each instance.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Selector create(PluginConfig config) {
        return new RandomPositionByNumber(config.get(N), config.get(SelectorParameters.PER_INSTANCE),
                config.get(SelectorParameters.DISTINCT));
    }
}
