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

    @Test
    void theHotLoopsElementCodeEqualsRoundThenEncodeForEveryFormatAndRounding() {
        float[] values = samples();
        for (MxElementFormat format : MxElementFormat.values()) {
            for (boolean even : new boolean[] {true, false}) {
                for (float v : values) {
                    float expected = format.encode(format.round(v, even));
                    float actual = format.code(v, even);
                    if (Float.floatToRawIntBits(actual) != Float.floatToRawIntBits(expected)) {
                        assertThat(actual).as("%s %s code of %s (bits %08x)", format, even ? "even" : "nearest",
                                v, Float.floatToRawIntBits(v)).isEqualTo(expected);
                    }
                }
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
