package dev.mrfi.selector;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.List;

/**
 * {@code FixPositions}: fixed positions, for permanent faults. Unlike the reference, every index is
 * bounds-checked, negative indices are rejected rather than wrapped, and every dimension counts.
 */
public final class FixPositionsProvider implements SelectorProvider {

    static final ParameterSpec<PositionList> POSITIONS = ParameterSpec
            .required("positions", SelectorValueTypes.POSITIONS,
                    "Row-major flat indices, or, as in the reference, one list of indices per dimension of the"
                            + " tensor in which entry i of every list together is point i, so [[0, 1], [2, 3]]"
                            + " means the points (0, 2) and (1, 3).")
            .constrainedBy(new Constraint<>("lists of equal length, one per dimension",
                    value -> !(value instanceof PositionList.PerDimension)
                            || ((PositionList.PerDimension) value).rectangular()))
            .constrainedBy(new Constraint<>(
                    "made of indices of at least 0 (they do not count from the end as in Python)",
                    PositionList::noneNegative));

    private static final ParameterSchema SCHEMA = ParameterSchema.of(POSITIONS);

    @Override
    public String name() {
        return "FixPositions";
    }

    @Override
    public String description() {
        return "Selects the same fixed positions, given as flat indices or per-dimension index lists, on every"
                + " call.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Selector create(PluginConfig config) {
        PositionList positions = config.get(POSITIONS);
        if (positions instanceof PositionList.Flat) {
            return FixPositions.flat(SelectorParameters.toArray(((PositionList.Flat) positions).indices()));
        }
        List<List<Integer>> lists = ((PositionList.PerDimension) positions).lists();
        int[][] perDimension = new int[lists.size()][];
        for (int dim = 0; dim < perDimension.length; dim++) {
            perDimension[dim] = SelectorParameters.toArray(lists.get(dim));
        }
        return FixPositions.perDimension(perDimension);
    }
}
