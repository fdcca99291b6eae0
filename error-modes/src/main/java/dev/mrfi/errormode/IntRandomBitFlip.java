package dev.mrfi.errormode;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Flips one uniformly drawn bit of each code. */
final class IntRandomBitFlip implements ErrorMode {

    private final IntegerBits bits;
    private final int bitWidth;

    IntRandomBitFlip(IntegerBits bits) {
        this.bits = bits;
        this.bitWidth = bits.bitWidth();
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = bits.flip(values[i], random.nextInt(bitWidth));
        }
    }

    @Override
    public Optional<IntegerCode> code() {
        return Optional.of(bits.code());
    }

    @Override
    public String toString() {
        return "IntRandomBitFlip(" + bits + ")";
    }
}
