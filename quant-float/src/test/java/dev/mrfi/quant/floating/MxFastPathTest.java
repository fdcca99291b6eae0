package dev.mrfi.quant.floating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hot loop's arithmetic against the step-by-step definition it replaces. */
class MxFastPathTest {

    private static float[] samples() {
        SplittableRandom random = new SplittableRandom(17);
        float[] values = new float[400_000];
        int n = 0;
        // every float32 bit pattern near the elements' boundaries: random magnitudes over the element range
        while (n < 300_000) {
            float v = Math.scalb((float) random.nextDouble(1.0, 2.0), random.nextInt(-30, 12));
            values[n++] = random.nextBoolean() ? v : -v;
        }
        // exact ties and their float neighbours, zeros, subnormals
        for (int k = 0; n < values.length - 8; k++) {
            float tie = Math.scalb(k % 64 + 0.5f, random.nextInt(-12, 4));
            values[n++] = tie;
            values[n++] = Math.nextUp(tie);
            values[n++] = Math.nextDown(tie);
            values[n++] = -tie;
        }
        values[n++] = 0f;
        values[n++] = -0f;
        values[n++] = Float.MIN_VALUE;
        values[n++] = -Float.MIN_NORMAL;
        return values;
    }

    /** Quantizes with scale 1 (every block exponent 0), through the quantizer's table. */
    private static float[] tableCodes(MxElementFormat format, boolean even, float[] values) {
        float[] data = values.clone();
        int blocks = (data.length + 31) / 32;
        new MxQuantizer(format, even, 0, 32, new int[blocks]).quantize(data, 0, data.length);
        return data;
    }

    private static void assertSameCodes(MxElementFormat format, boolean even, float[] values) {
        float[] actual = tableCodes(format, even, values);
        for (int i = 0; i < values.length; i++) {
            float expected = format.encode(format.round(values[i], even));
            if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(expected)) {
                assertThat(actual[i]).as("%s %s code of %s (bits %08x)", format, even ? "even" : "nearest",
                        values[i], Float.floatToRawIntBits(values[i])).isEqualTo(expected);
            }
        }
    }

    @Test
    void theTableCodeEqualsRoundThenEncodeForEveryFormatAndRounding() {
        float[] values = samples();
        for (MxElementFormat format : MxElementFormat.values()) {
            for (boolean even : new boolean[] {true, false}) {
                assertSameCodes(format, even, values);
            }
        }
    }

    @Test
    void theTableCodeEqualsRoundThenEncodeAtEveryBucketEdgeAndBoundary() {
        for (MxElementFormat format : MxElementFormat.values()) {
            for (boolean even : new boolean[] {true, false}) {
                MxElementFormat.CodeTable table = format.table(even);
                float[] edges = new float[8 * (format.lastBucket() + 1)];
                int n = 0;
                for (int j = 0; j <= format.lastBucket(); j++) {
                    int start = (format.firstBucket() + j) << format.bucketShift();
                    for (int bits : new int[] {start, start - 1, start + 1,
                            table.boundary[j] == Integer.MAX_VALUE ? start : table.boundary[j],
                            table.boundary[j] == Integer.MAX_VALUE ? start : table.boundary[j] - 1}) {
                        edges[n++] = Float.intBitsToFloat(bits);
                    }
                    edges[n++] = -Float.intBitsToFloat(start + 7);
                }
                assertSameCodes(format, even, java.util.Arrays.copyOf(edges, n));
            }
        }
    }

    @Test
    void theThresholdLog2EqualsTheFloatLogarithmAroundEveryPowerOfTwo() {
        SplittableRandom random = new SplittableRandom(3);
        for (int e = -149; e <= 127; e++) {
            float power = Math.scalb(1f, e);
            float x = power;
            for (int k = 0; k < 64; k++) {
                assertThat(FloatLog2.floorOfLog2Fast(x)).as("x = %s", x).isEqualTo(FloatLog2.floorOfLog2(x));
                x = Math.nextDown(x);
                if (!(x > 0f)) {
                    break;
                }
            }
            float inside = Math.scalb((float) random.nextDouble(1.0, 2.0), e);
            if (inside > 0f && inside <= Float.MAX_VALUE) {
                assertThat(FloatLog2.floorOfLog2Fast(inside)).isEqualTo(FloatLog2.floorOfLog2(inside));
            }
        }
    }
}
