package dev.mrfi.selector;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MaskedDimRandomPositionByNumber}: n uniform positions whose index in each listed dimension is
 * outside that dimension's mask. Lists for dimensions the tensor lacks, and mask entries beyond a
 * dimension, are ignored; unlike the reference, every dimension can be masked (d4 to d7 beyond the first
 * four).
 */
public final class MaskedDimRandomPositionByNumberProvider implements SelectorProvider {

    static final ParameterSpec<Integer> N = SelectorParameters.count(1, "Number of positions drawn per call.");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(specs());

    private static ParameterSpec<?>[] specs() {
        List<ParameterSpec<?>> specs = new ArrayList<>();
        specs.add(N);
        specs.addAll(DimensionLists.flatten(DimensionLists.MASKS));
        specs.add(SelectorParameters.DISTINCT);
        return specs.toArray(new ParameterSpec<?>[0]);
    }

    @Override
    public String name() {
        return "MaskedDimRandomPositionByNumber";
    }

    @Override
    public String description() {
        return "Selects n uniformly random positions avoiding the masked indices of each dimension.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Selector create(PluginConfig config) {
        DimensionFilter filter = new DimensionFilter(true,
                DimensionLists.resolve(config, DimensionLists.MASKS));
        return new FilteredPositionsByNumber(name(), config.get(N), filter, config.get(SelectorParameters.DISTINCT));
    }
}
