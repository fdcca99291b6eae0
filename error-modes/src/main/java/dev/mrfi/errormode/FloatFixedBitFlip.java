package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Flips a fixed bit, or one listed bit per value, of each value's pattern. */
final class FloatFixedBitFlip implements ErrorMode {

    private final boolean perValue;
    private final int[] positions;
    private final FloatFormat format;
    private final boolean suppressInvalid;

    FloatFixedBitFlip(IntPerValue bit, FloatFormat format, boolean suppressInvalid) {
        this.perValue = !bit.scalar();
        this.positions = bit.values();
        this.format = format;
        this.suppressInvalid = suppressInvalid;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        if (perValue) {
            PerValueLength.require("bit", positions.length, length);
            for (int i = 0; i < length; i++) {
                values[offset + i] = flip(values[offset + i], 1L << positions[i]);
            }
        } else {
            long mask = 1L << positions[0];
            for (int i = offset, end = offset + length; i < end; i++) {
                values[i] = flip(values[i], mask);
            }
        }
    }

    private float flip(float value, long mask) {
        float result = format.value(format.bits(value) ^ mask);
        return suppressInvalid && !Float.isFinite(result) ? 0f : result;
    }

    @Override
    public String toString() {
        return "FloatFixedBitFlip(bit=" + (perValue ? Arrays.toString(positions) : positions[0]) + ", floattype="
                + format + ", suppress_invalid=" + suppressInvalid + ")";
    }

    @Override
    public int bitsPerValue() {
        return format.width();
    }
}
