package dev.mrfi.selector;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code MaskedDimRandomPositionByRate}: random positions avoiding the masked indices of each listed
 * dimension. The mean count is {@code rate} times the number of eligible positions, which fixes the
 * reference's formula that scaled the rate by the last masked dimension only. Lists for dimensions the
 * tensor lacks, and mask entries beyond a dimension, are ignored; every dimension can be masked (d4 to
 * d7 beyond the first four).
 */
public final class MaskedDimRandomPositionByRateProvider implements SelectorProvider {

    static final ParameterSpec<Double> RATE = SelectorParameters.requiredRate();

    private static final ParameterSchema SCHEMA = ParameterSchema.of(specs());

    private static ParameterSpec<?>[] specs() {
        List<ParameterSpec<?>> specs = new ArrayList<>();
        specs.add(RATE);
        specs.add(SelectorParameters.POISSON);
        specs.addAll(DimensionLists.flatten(DimensionLists.MASKS));
        specs.add(SelectorParameters.DISTINCT);
        return specs.toArray(new ParameterSpec<?>[0]);
    }

    @Override
    public String name() {
        return "MaskedDimRandomPositionByRate";
    }

    @Override
    public String description() {
        return "Selects random positions avoiding the masked indices of each dimension, each eligible element"
                + " with probability rate on average.";
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
        DimensionFilter filter = new DimensionFilter(true,
                DimensionLists.resolve(config, DimensionLists.MASKS));
        return new FilteredPositionsByRate(name(), config.get(RATE), config.get(SelectorParameters.POISSON), filter,
                config.get(SelectorParameters.DISTINCT));
    }
}
