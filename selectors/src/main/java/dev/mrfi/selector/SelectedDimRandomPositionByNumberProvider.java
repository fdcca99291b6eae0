package dev.mrfi.selector;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SelectedDimRandomPositionByNumber}: n uniform positions whose index in each listed dimension is
 * one of that dimension's list. Lists for dimensions the tensor lacks are ignored. Unlike the reference,
 * every dimension can be constrained (d4 to d7 beyond the first four), a selected index outside its
 * dimension is an error instead of an index beyond the tensor, and duplicates in a list do not weight
 * the draw.
 */
public final class SelectedDimRandomPositionByNumberProvider implements SelectorProvider {

    static final ParameterSpec<Integer> N = SelectorParameters.count(1, "Number of positions drawn per call.");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(specs());

    private static ParameterSpec<?>[] specs() {
        List<ParameterSpec<?>> specs = new ArrayList<>();
        specs.add(N);
        specs.addAll(DimensionLists.flatten(DimensionLists.SELECTIONS));
        specs.add(SelectorParameters.DISTINCT);
        return specs.toArray(new ParameterSpec<?>[0]);
    }

    @Override
    public String name() {
        return "SelectedDimRandomPositionByNumber";
    }

    @Override
    public String description() {
        return "Selects n uniformly random positions among the selected indices of each dimension.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Selector create(PluginConfig config) {
        DimensionFilter filter = new DimensionFilter(false,
                DimensionLists.resolve(config, DimensionLists.SELECTIONS));
        return new FilteredPositionsByNumber(name(), config.get(N), filter, config.get(SelectorParameters.DISTINCT));
    }
}
