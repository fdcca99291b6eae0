package dev.mrfi.quant.fixpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.testkit.FloatSamples;
import org.junit.jupiter.api.Test;

/**
 * The vectorized loops against the straightforward ones they replace: same bits for every kind of input,
 * including -0.0, NaN, infinities, ties and values far outside the range.
 */
class VectorizedLoopsTest {

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

    @Test
    void quantizeGivesTheReferenceBitsForEveryKindOfInput() {
        int[][] bits = {{3, 12}, {0, 0}, {0, 22}, {10, 12}, {22, 0}, {5, 18}, {15, 15}, {4, 4}};
        for (int[] b : bits) {
            float[] input = FloatSamples.inputs((float) Math.pow(2, b[1]));
            float[] actual = input.clone();
            new FixPointQuantization(b[0], b[1]).quantize(actual, 0, actual.length);
            FloatSamples.assertSameBits(actual, referenceQuantize(input, b[0], b[1]));
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
