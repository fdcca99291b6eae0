package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.random.RandomGenerator;

/** Adds normal noise and a bias, computed in double and rounded to float32. */
final class NormalDisturb implements ErrorMode {

    private final double std;
    private final double bias;

    NormalDisturb(double std, double bias) {
        this.std = std;
        this.bias = bias;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = (float) (values[i] + (std * random.nextGaussian() + bias));
        }
    }

    @Override
    public String toString() {
        return "NormalDisturb(std=" + std + ", bias=" + bias + ")";
    }
}
