package dev.mrfi.selector;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.random.RandomGenerator;

/** {@code n} uniform positions whose indices are selected in every listed dimension. */
final class SelectedDimRandomPositionByNumber implements Selector {

    private final int count;
    private final DimensionFilter filter;
    private final boolean distinct;

    SelectedDimRandomPositionByNumber(int count, DimensionFilter filter, boolean distinct) {
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
        return "SelectedDimRandomPositionByNumber(n=" + count + ", " + filter + ", distinct=" + distinct + ")";
    }
}
