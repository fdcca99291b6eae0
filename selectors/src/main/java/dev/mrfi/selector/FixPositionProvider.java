package dev.mrfi.selector;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.List;

/**
 * {@code FixPosition}: one fixed position, for permanent faults. Unlike the reference, a coordinate is
 * bounds-checked and every dimension counts, not only the first four.
 */
public final class FixPositionProvider implements SelectorProvider {

    static final ParameterSpec<List<Integer>> POSITION = ParameterSpec
            .required("position", SelectorValueTypes.INDEX_OR_COORDINATE,
                    "A row-major flat index (an int or a list of one), or a list with one coordinate per dimension"
                            + " of the tensor, including the batch dimension.")
            .constrainedBy(new Constraint<>("not empty", list -> !list.isEmpty()))
            .constrainedBy(SelectorParameters.NON_NEGATIVE_INDICES);

    private static final ParameterSchema SCHEMA = ParameterSchema.of(POSITION);

    @Override
    public String name() {
        return "FixPosition";
    }

    @Override
    public String description() {
        return "Selects one fixed position, given as a flat index or an n-D coordinate, on every call.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Selector create(PluginConfig config) {
        return new FixPosition(SelectorParameters.toArray(config.get(POSITION)));
    }
}
