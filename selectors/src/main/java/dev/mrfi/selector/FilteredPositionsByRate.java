package dev.mrfi.selector;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.random.RandomGenerator;

/**
 * Uniform positions among those a dimension filter allows (masked or selected indices), with a count whose
 * mean is {@code rate} times the number of allowed positions: the rate scaled by the eligible share of
 * every constrained dimension, not only the last one as in the reference.
 */
final class FilteredPositionsByRate implements Selector {

    private final String name;
    private final double rate;
    private final boolean poisson;
    private final DimensionFilter filter;
    private final boolean distinct;

    FilteredPositionsByRate(String name, double rate, boolean poisson, DimensionFilter filter, boolean distinct) {
        this.name = name;
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
        return name + "(rate=" + rate + ", poisson=" + poisson + ", " + filter
                + ", distinct=" + distinct + ")";
    }
}
