package dev.mrfi.quant.symmetric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.testkit.FloatSamples;
import org.junit.jupiter.api.Test;

/**
 * The vectorized loops against the straightforward ones they replace: same bits for every kind of input,
 * including -0.0, NaN, infinities, ties and values far outside the range.
 */
class VectorizedLoopsTest {

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

    @Test
    void quantizeGivesTheReferenceBitsForEveryKindOfInput() {
        float[][] factors = {
            {3f, 127f, 127f / 3f}, {1f, 32767f, 32767f}, {0.3f, 32767f, 109223.328125f},
            {1e-30f, 0x1p22f - 1, (0x1p22f - 1) / 1e-30f}, {2f, 0f, 0f}, {5f, 1f, 0.2f},
            {3f, 0x1p23f - 1, (0x1p23f - 1) / 3f}, {1f, 0x1p31f, 0x1p31f},
        };
        for (float[] f : factors) {
            float[] input = FloatSamples.inputs(f[2] == 0f ? 1f : f[2]);
            float[] actual = input.clone();
            new SymmetricQuantizer(f[0], f[1], f[2], 1 / f[2]).quantize(actual, 0, actual.length);
            FloatSamples.assertSameBits(actual, referenceQuantize(input, f[0], f[1], f[2]));
        }
    }

    /** The fused round trip folds the rounding constant into + L; every limit up to 2^22 must stay exact. */
    @Test
    void fusedRoundTripGivesTheBitsOfQuantizeThenDequantizeAtEveryLimit() {
        float[][] factors = {
            {3f, 127f, 127f / 3f}, {1f, 32767f, 32767f}, {0.3f, 32767f, 109223.328125f},
            {1e-30f, 0x1p22f - 1, (0x1p22f - 1) / 1e-30f}, {2f, 0f, 0f}, {5f, 1f, 0.2f},
            {7f, 0x1p22f, 0x1p22f / 7f}, {3f, 0x1p23f - 1, (0x1p23f - 1) / 3f},
        };
        for (float[] f : factors) {
            float[] input = FloatSamples.inputs(f[2] == 0f ? 1f : f[2]);
            SymmetricQuantizer quantizer = new SymmetricQuantizer(f[0], f[1], f[2], f[2] == 0f ? 0f : 1 / f[2]);
            float[] expected = input.clone();
            quantizer.quantize(expected, 0, expected.length);
            quantizer.dequantize(expected, 0, expected.length);
            float[] actual = input.clone();
            quantizer.roundTrip(actual, 0, actual, 0, actual.length);
            FloatSamples.assertSameBits(actual, expected);
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
