package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Writes +0.0. */
final class SetZero implements ErrorMode {

    static final SetZero INSTANCE = new SetZero();

    private SetZero() {
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        Arrays.fill(values, offset, offset + length, 0f);
    }

    @Override
    public String toString() {
        return "SetZero";
    }
}
