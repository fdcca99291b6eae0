package dev.mrfi.selector;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.random.RandomGenerator;

/**
 * Uniform positions whose indices are selected in every listed dimension, with a count whose mean is
 * {@code rate} times the number of such positions: the rate scaled by the eligible share of every
 * constrained dimension, not only the last one as in the reference.
 */
final class SelectedDimRandomPositionByRate implements Selector {

    private final double rate;
    private final boolean poisson;
    private final DimensionFilter filter;
    private final boolean distinct;

    SelectedDimRandomPositionByRate(double rate, boolean poisson, DimensionFilter filter, boolean distinct) {
        this.rate = rate;
        this.poisson = poisson;
        this.filter = filter;
        this.distinct = distinct;
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        DimensionFilter.Eligible eligible = filter.over(shape);
        int count = SelectorParameters.countFor(eligible.size() * rate, poisson, random);
        return eligible.draw(count, distinct, random);
    }

    @Override
    public String toString() {
        return "SelectedDimRandomPositionByRate(rate=" + rate + ", poisson=" + poisson + ", " + filter
                + ", distinct=" + distinct + ")";
    }
}
