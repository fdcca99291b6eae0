package dev.mrfi.api.quantization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastFloatLoopsTest {

    private static final float[] SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE,
        0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 0.49999997f, -0.49999997f, 0x1p22f, -0x1p22f, 0x1p23f, 0x1.8p23f};

    @Test
    void halfEvenMatchesMathRintUpToItsLimit() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000_000; i++) {
            float x = i < 1_000_000 ? Float.intBitsToFloat(random.nextInt()) % FloatRounding.MAX_EXACT
                    : (float) (random.nextDouble(-4096, 4096));
            assertThat(Float.floatToIntBits(FloatRounding.roundHalfEven(x))).isEqualTo(Float.floatToIntBits((float) Math.rint(x)));
        }
        for (float x : SPECIAL) {
            if (!(Math.abs(x) > FloatRounding.MAX_EXACT)) {
                assertThat(Float.floatToIntBits(FloatRounding.roundHalfEven(x))).isEqualTo(Float.floatToIntBits((float) Math.rint(x)));
            }
        }
    }

    @Test
    void maxAbsEqualsAPlainLoopForAnyLengthOffsetAndSpecialValue() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 400; trial++) {
            // every tenth length is long enough for the wide slices, the others exercise the narrow ones and the tail
            int length = trial % 10 == 0 ? random.nextInt(65_536, 300_000) : random.nextInt(0, 5000);
            int offset = random.nextInt(0, 9);
            float[] data = new float[offset + length + 3];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
            if (length > 0 && trial % 4 == 1) {
                data[offset + random.nextInt(length)] = SPECIAL[random.nextInt(SPECIAL.length)];
            }
            if (trial % 7 == 3) {
                Arrays.fill(data, -0f);
            }
            data[offset + length] = 1e30f;
            float plain = 0f;
            for (int i = offset; i < offset + length; i++) {
                plain = Math.max(plain, Math.abs(data[i]));
            }
            assertThat(Float.floatToIntBits(RangeStatistics.maxAbs(data, offset, length)))
                    .isEqualTo(Float.floatToIntBits(plain));
        }
    }
}
