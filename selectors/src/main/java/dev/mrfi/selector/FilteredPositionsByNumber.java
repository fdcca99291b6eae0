package dev.mrfi.selector;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.random.RandomGenerator;

/** {@code n} uniform positions among those a dimension filter allows (masked or selected indices). */
final class FilteredPositionsByNumber implements Selector {

    private final String name;
    private final int count;
    private final DimensionFilter filter;
    private final boolean distinct;

    FilteredPositionsByNumber(String name, int count, DimensionFilter filter, boolean distinct) {
        this.name = name;
        this.count = count;
        this.filter = filter;
        this.distinct = distinct;
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        return filter.over(shape).draw(count, distinct, random);
    }

    @Override
    public String toString() {
        return name + "(n=" + count + ", " + filter + ", distinct=" + distinct + ")";
    }
}
