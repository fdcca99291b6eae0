package dev.mrfi.selector;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.random.RandomGenerator;

/**
 * Uniform positions whose number has mean {@code rate * size}: drawn from a Poisson distribution, or that
 * product rounded half to even.
 */
final class RandomPositionByRate implements Selector {

    private final double rate;
    private final boolean poisson;
    private final boolean distinct;

    RandomPositionByRate(double rate, boolean poisson, boolean distinct) {
        this.rate = rate;
        this.poisson = poisson;
        this.distinct = distinct;
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        int count = SelectorParameters.countFor(shape.size() * rate, poisson, random);
        return IndexSampler.draw(shape.size(), count, distinct, random);
    }

    @Override
    public String toString() {
        return "RandomPositionByRate(rate=" + rate + ", poisson=" + poisson + ", distinct=" + distinct + ")";
    }
}
