package dev.mrfi.errormode;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Flips a fixed bit, or one listed bit per value, of each code. */
final class IntFixedBitFlip implements ErrorMode {

    private final IntegerBits bits;
    private final boolean perValue;
    private final int[] positions;

    IntFixedBitFlip(IntegerBits bits, IntPerValue bit) {
        this.bits = bits;
        this.perValue = !bit.scalar();
        this.positions = bit.values();
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        if (perValue) {
            PerValueLength.require("bit", positions.length, length);
            for (int i = 0; i < length; i++) {
                values[offset + i] = bits.flip(values[offset + i], positions[i]);
            }
        } else {
            int bit = positions[0];
            for (int i = offset, end = offset + length; i < end; i++) {
                values[i] = bits.flip(values[i], bit);
            }
        }
    }

    @Override
    public Optional<IntegerCode> code() {
        return Optional.of(bits.code());
    }

    @Override
    public String toString() {
        return "IntFixedBitFlip(" + bits + ", bit=" + (perValue ? Arrays.toString(positions) : positions[0]) + ")";
    }
}
