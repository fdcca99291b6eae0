package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.random.RandomGenerator;

/** Writes normal draws, computed in double and rounded to float32. */
final class NormalRandom implements ErrorMode {

    private final double mean;
    private final double std;

    NormalRandom(double mean, double std) {
        this.mean = mean;
        this.std = std;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = (float) (mean + std * random.nextGaussian());
        }
    }

    @Override
    public String toString() {
        return "NormalRandom(mean=" + mean + ", std=" + std + ")";
    }
}
