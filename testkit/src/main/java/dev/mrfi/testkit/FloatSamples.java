package dev.mrfi.testkit;

import java.util.SplittableRandom;

/**
 * Float inputs that exercise every corner of a quantizer loop, and a bit-exact comparison, for tests that
 * check a fast loop against the straightforward one it replaces.
 */
public final class FloatSamples {

    /** Signed zeros, NaN, infinities, subnormal and extreme values, ties and the 2^22 / 2^23 boundaries. */
    public static final float[] SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f, -0.49999997f, 0x1p22f, -0x1p22f, 0x1p23f, 0x1.8p23f};

    private FloatSamples() {
    }

    /**
     * Returns 200,000 inputs: the special values, half-integers and their neighbours divided by
     * {@code scale} (the ties of a quantizer whose code step is {@code 1 / scale}), random bit patterns of
     * every exponent and Gaussian values. Always the same values for the same scale.
     *
     * @param scale the quantizer's factor from values to codes
     * @return the inputs
     */
    public static float[] inputs(float scale) {
        SplittableRandom random = new SplittableRandom(11);
        float[] values = new float[200_000];
        int i = 0;
        for (float special : SPECIAL) {
            values[i++] = special;
        }
        for (int k = -600; k <= 600 && i < values.length; k++) {
            values[i++] = k / 2f / scale;
            values[i++] = Math.nextUp(k / 2f) / scale;
            values[i++] = Math.nextDown(k / 2f) / scale;
        }
        while (i < values.length / 2) {
            values[i++] = Float.intBitsToFloat(random.nextInt());
        }
        while (i < values.length) {
            values[i++] = (float) (random.nextGaussian() * 2);
        }
        return values;
    }

    /**
     * Fails unless both arrays hold the same bit patterns (so -0.0 differs from 0.0 and NaNs compare by bits).
     *
     * @param actual   the values computed
     * @param expected the values required
     * @throws AssertionError naming the first differing index and both values
     */
    public static void assertSameBits(float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            throw new AssertionError("expected " + expected.length + " values but got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                throw new AssertionError("value " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }
}
