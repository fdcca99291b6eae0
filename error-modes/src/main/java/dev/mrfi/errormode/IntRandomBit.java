package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.random.RandomGenerator;

/** Writes uniform integers of a bit width. */
final class IntRandomBit implements ErrorMode {

    private final int bitWidth;
    private final boolean signed;
    private final long low;
    private final long high;

    IntRandomBit(int bitWidth, boolean signed) {
        if (bitWidth < (signed ? 2 : 1) || bitWidth > 32) {
            throw new IllegalArgumentException("bit_width must be in [" + (signed ? 2 : 1) + ", 32], got " + bitWidth);
        }
        this.bitWidth = bitWidth;
        this.signed = signed;
        this.low = signed ? -(1L << (bitWidth - 1)) : 0L;
        this.high = signed ? 1L << (bitWidth - 1) : 1L << bitWidth;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = random.nextLong(low, high);
        }
    }

    @Override
    public String toString() {
        return "IntRandomBit(bit_width=" + bitWidth + ", signed=" + signed + ")";
    }
}
