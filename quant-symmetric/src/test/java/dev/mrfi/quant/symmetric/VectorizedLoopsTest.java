package dev.mrfi.quant.symmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.quantization.RangeStatistics;
import java.util.Arrays;
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

    private static float[] referenceQuantize(float[] input, float span, float limit, float toCode) {
        float[] out = input.clone();
        for (int i = 0; i < out.length; i++) {
            float x = ((out[i] + span) * toCode) + -limit;
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
        float[][] factors = {
            {3f, 127f, 127f / 3f}, {1f, 32767f, 32767f}, {0.3f, 32767f, 109223.328125f},
            {1e-30f, 0x1p22f - 1, (0x1p22f - 1) / 1e-30f}, {2f, 0f, 0f}, {5f, 1f, 0.2f},
            {3f, 0x1p23f - 1, (0x1p23f - 1) / 3f}, {1f, 0x1p31f, 0x1p31f},
        };
        for (float[] f : factors) {
            float[] input = inputs(f[2] == 0f ? 1f : f[2]);
            float[] actual = input.clone();
            new SymmetricQuantizer(f[0], f[1], f[2], 1 / f[2]).quantize(actual, 0, actual.length);
            assertSameBits(actual, referenceQuantize(input, f[0], f[1], f[2]));
        }
    }

    @Test
    void quantizeTouchesOnlyItsRange() {
        float[] data = {9f, 1f, 2f, 9f};
        new SymmetricQuantizer(3f, 127f, 127f / 3f, 3f / 127f).quantize(data, 1, 2);
        assertThat(data[0]).isEqualTo(9f);
        assertThat(data[3]).isEqualTo(9f);
        assertThat(data[1]).isEqualTo(42f);
    }

}
