package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Forces a fixed bit, or one listed bit per value, of each value's pattern. */
final class FloatBitStuckAt implements ErrorMode {

    private final boolean perValue;
    private final int[] positions;
    private final boolean one;
    private final FloatFormat format;
    private final boolean suppressInvalid;

    FloatBitStuckAt(IntPerValue bit, boolean one, FloatFormat format, boolean suppressInvalid) {
        this.perValue = !bit.scalar();
        this.positions = bit.values();
        this.one = one;
        this.format = format;
        this.suppressInvalid = suppressInvalid;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        if (perValue) {
            PerValueLength.require("bit", positions.length, length);
            for (int i = 0; i < length; i++) {
                values[offset + i] = force(values[offset + i], positions[i]);
            }
        } else {
            int bit = positions[0];
            for (int i = offset, end = offset + length; i < end; i++) {
                values[i] = force(values[i], bit);
            }
        }
    }

    private float force(float value, int bit) {
        long pattern = format.bits(value);
        float result = ((pattern >>> bit & 1L) != 0) == one ? value : format.value(pattern ^ (1L << bit));
        return suppressInvalid && !Float.isFinite(result) ? 0f : result;
    }

    @Override
    public String toString() {
        return "FloatBitStuckAt(bit=" + (perValue ? Arrays.toString(positions) : positions[0]) + ", value="
                + (one ? 1 : 0) + ", floattype=" + format + ", suppress_invalid=" + suppressInvalid + ")";
    }

    @Override
    public int bitsPerValue() {
        return format.width();
    }
}
