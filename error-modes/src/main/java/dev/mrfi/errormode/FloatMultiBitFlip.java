package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.random.RandomGenerator;

/** Flips n randomly placed bits of each value's pattern. */
final class FloatMultiBitFlip implements ErrorMode {

    private final int count;
    private final boolean adjacent;
    private final FloatFormat format;
    private final boolean suppressInvalid;

    FloatMultiBitFlip(int count, boolean adjacent, FloatFormat format, boolean suppressInvalid) {
        if (count < 1 || count > format.width()) {
            throw new IllegalArgumentException("n must be in [1, " + format.width() + "], got " + count);
        }
        this.count = count;
        this.adjacent = adjacent;
        this.format = format;
        this.suppressInvalid = suppressInvalid;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        int width = format.width();
        for (int i = offset, end = offset + length; i < end; i++) {
            long positions = BitPositions.draw(random, width, count, adjacent);
            float result = format.value(format.bits(values[i]) ^ positions);
            values[i] = suppressInvalid && !Float.isFinite(result) ? 0f : result;
        }
    }

    @Override
    public String toString() {
        return "FloatMultiBitFlip(n=" + count + ", adjacent=" + adjacent + ", floattype=" + format
                + ", suppress_invalid=" + suppressInvalid + ")";
    }

    @Override
    public int bitsPerValue() {
        return format.width();
    }
}
