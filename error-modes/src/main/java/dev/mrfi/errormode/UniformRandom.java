package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.random.RandomGenerator;

/** Writes uniform floats from {@code [low, high)}, computed in double and rounded to float32. */
final class UniformRandom implements ErrorMode {

    private final double low;
    private final double high;

    UniformRandom(double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("low must be less than high, got " + low + " and " + high);
        }
        this.low = low;
        this.high = high;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        double span = high - low;
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = (float) (low + random.nextDouble() * span);
        }
    }

    @Override
    public String toString() {
        return "UniformRandom(low=" + low + ", high=" + high + ")";
    }
}
