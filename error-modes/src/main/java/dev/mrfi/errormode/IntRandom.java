package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.random.RandomGenerator;

/** Writes uniform integers from {@code [low, high)}. */
final class IntRandom implements ErrorMode {

    private final int low;
    private final int high;

    IntRandom(int low, int high) {
        if (low >= high) {
            throw new IllegalArgumentException("low must be less than high, got " + low + " and " + high);
        }
        this.low = low;
        this.high = high;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = random.nextInt(low, high);
        }
    }

    @Override
    public String toString() {
        return "IntRandom(low=" + low + ", high=" + high + ")";
    }
}
