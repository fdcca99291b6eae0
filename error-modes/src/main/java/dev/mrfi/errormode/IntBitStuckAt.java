package dev.mrfi.errormode;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Forces a fixed bit, or one listed bit per value, of each code. */
final class IntBitStuckAt implements ErrorMode {

    private final IntegerBits bits;
    private final boolean perValue;
    private final int[] positions;
    private final boolean one;

    IntBitStuckAt(IntegerBits bits, IntPerValue bit, boolean one) {
        this.bits = bits;
        this.perValue = !bit.scalar();
        this.positions = bit.values();
        this.one = one;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        if (perValue) {
            PerValueLength.require("bit", positions.length, length);
            for (int i = 0; i < length; i++) {
                values[offset + i] = bits.force(values[offset + i], positions[i], one);
            }
        } else {
            int bit = positions[0];
            for (int i = offset, end = offset + length; i < end; i++) {
                values[i] = bits.force(values[i], bit, one);
            }
        }
    }

    @Override
    public Optional<IntegerCode> code() {
        return Optional.of(bits.code());
    }

    @Override
    public String toString() {
        return "IntBitStuckAt(" + bits + ", bit=" + (perValue ? Arrays.toString(positions) : positions[0])
                + ", value=" + (one ? 1 : 0) + ")";
    }
}
