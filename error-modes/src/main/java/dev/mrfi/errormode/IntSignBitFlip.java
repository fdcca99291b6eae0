package dev.mrfi.errormode;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Flips the top bit of each code. */
final class IntSignBitFlip implements ErrorMode {

    private final IntegerBits bits;
    private final int topBit;

    IntSignBitFlip(IntegerBits bits) {
        this.bits = bits;
        this.topBit = bits.bitWidth() - 1;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = bits.flip(values[i], topBit);
        }
    }

    @Override
    public Optional<IntegerCode> code() {
        return Optional.of(bits.code());
    }

    @Override
    public String toString() {
        return "IntSignBitFlip(" + bits + ")";
    }
}
