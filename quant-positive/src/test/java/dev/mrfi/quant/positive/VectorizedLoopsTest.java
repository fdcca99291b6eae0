package dev.mrfi.quant.positive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.testkit.FloatSamples;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The vectorized loops against the straightforward ones they replace: same bits for every kind of input,
 * including -0.0, NaN, infinities, ties and values far outside the range.
 */
class VectorizedLoopsTest {

    private static float[] referenceQuantize(float[] input, float top, float toCode) {
        float[] out = input.clone();
        for (int i = 0; i < out.length; i++) {
            float x = out[i] * toCode;
            x = x < 0f ? 0f : x;
            x = x > top ? top : x;
            out[i] = (float) Math.rint(x);
        }
        return out;
    }

    @Test
    void quantizeGivesTheReferenceBitsForEveryKindOfInput() {
        float[][] factors = {
            {255f, 85f}, {65535f, 65535f}, {15f, 1f}, {1f, 1e30f}, {0x1p22f - 1, 3f}, {0x1p22f, 0.5f}, {0x1p23f - 1, 7f},
            {255f, 0f},
        };
        for (float[] f : factors) {
            float[] input = FloatSamples.inputs(f[1] == 0f ? 1f : f[1]);
            float[] actual = input.clone();
            new PositiveQuantizer(f[0], f[1], 1 / f[1]).quantize(actual, 0, actual.length);
            FloatSamples.assertSameBits(actual, referenceQuantize(input, f[0], f[1]));
        }
    }

    @Test
    void negativeValuesBecomePositiveZeroWhileNegativeZeroStays() {
        float[] data = {-3f, -0f, -Float.MIN_VALUE, Float.NEGATIVE_INFINITY, 0f, 0.2f, -0.2f};
        new PositiveQuantizer(15f, 1f, 1f).quantize(data, 0, data.length);
        assertThat(Arrays.stream(new int[] {0, 1, 2, 3, 4, 5, 6}).map(i -> Float.floatToRawIntBits(data[i])).toArray())
                .containsExactly(0, 0x80000000, 0, 0, 0, 0, 0);
    }

    @Test
    void quantizeTouchesOnlyItsRange() {
        float[] data = {9f, 1f, 2f, 9f};
        new PositiveQuantizer(255f, 85f, 1 / 85f).quantize(data, 1, 2);
        assertThat(data[0]).isEqualTo(9f);
        assertThat(data[3]).isEqualTo(9f);
        assertThat(data[1]).isEqualTo(85f);
    }

}
