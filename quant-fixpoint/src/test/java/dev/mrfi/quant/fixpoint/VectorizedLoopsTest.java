package dev.mrfi.quant.fixpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vectorized loops against the straightforward ones they replace: same bits for every kind of input,
 * including -0.0, NaN, infinities, ties and values far outside the range.
 */
class VectorizedLoopsTest {

    private static final float[] SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f, -0.49999997f, 0x1p22f, -0x1p22f, 0x1p23f, 0x1.8p23f};

    /** Random bit patterns (every exponent), the special values, and half-integers around the codes. */
    private static float[] inputs(float scale) {
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

    private static float[] referenceQuantize(float[] input, int integerBit, int decimalBit) {
        double range = Math.pow(2, integerBit);
        double max = Math.pow(2, integerBit + decimalBit) - 1;
        float limit = (float) max;
        float toCode = (float) (max / range);
        float[] out = input.clone();
        for (int i = 0; i < out.length; i++) {
            float x = out[i] * toCode;
            x = x < -limit ? -limit : x;
            x = x > limit ? limit : x;
            out[i] = (float) Math.rint(x);
        }
        return out;
    }

    private static void assertSameBits(float[] actual, float[] expected) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                throw new AssertionError("value " + i + ": expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    @Test
    void quantizeGivesTheReferenceBitsForEveryKindOfInput() {
        int[][] bits = {{3, 12}, {0, 0}, {0, 22}, {10, 12}, {22, 0}, {5, 18}, {15, 15}, {4, 4}};
        for (int[] b : bits) {
            float[] input = inputs((float) Math.pow(2, b[1]));
            float[] actual = input.clone();
            new FixPointQuantization(b[0], b[1]).quantize(actual, 0, actual.length);
            assertSameBits(actual, referenceQuantize(input, b[0], b[1]));
        }
    }

    @Test
    void quantizeTouchesOnlyItsRange() {
        float[] data = {9f, 1f, 2f, 9f};
        new FixPointQuantization(3, 4).quantize(data, 1, 2);
        assertThat(data[0]).isEqualTo(9f);
        assertThat(data[3]).isEqualTo(9f);
        assertThat(data[1]).isEqualTo(16f);
    }

}
