package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.random.RandomGenerator;

/** Flips one uniformly drawn bit of each value's pattern. */
final class FloatRandomBitFlip implements ErrorMode {

    private final FloatFormat format;
    private final int width;
    private final boolean suppressInvalid;

    FloatRandomBitFlip(FloatFormat format, boolean suppressInvalid) {
        this.format = format;
        this.width = format.width();
        this.suppressInvalid = suppressInvalid;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        for (int i = offset, end = offset + length; i < end; i++) {
            float result = format.value(format.bits(values[i]) ^ (1L << random.nextInt(width)));
            values[i] = suppressInvalid && !Float.isFinite(result) ? 0f : result;
        }
    }

    @Override
    public String toString() {
        return "FloatRandomBitFlip(floattype=" + format + ", suppress_invalid=" + suppressInvalid + ")";
    }

    @Override
    public int bitsPerValue() {
        return format.width();
    }
}
