package dev.mrfi.errormode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfTest {

    /** The value of a float16 pattern, computed independently of {@link Half}. */
    private static double decode(int half) {
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        double sign = (half & 0x8000) != 0 ? -1 : 1;
        if (exponent == 0x1f) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (exponent == 0) {
            return sign * Math.scalb((double) mantissa, -24);
        }
        return sign * Math.scalb(1024.0 + mantissa, exponent - 25);
    }

    /** Nearest float16 of a finite value by search over all patterns, ties to the even pattern. */
    private static int nearest(float value) {
        int sign = Float.floatToRawIntBits(value) < 0 ? 0x8000 : 0;
        double magnitude = Math.abs((double) value);
        if (magnitude >= 65520.0) {
            return sign | 0x7c00;
        }
        int low = 0;
        int high = 0x7bff;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (decode(middle) <= magnitude) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        if (low == 0x7bff) {
            // below 65520, the midpoint to the next step 65536, so the nearest is the largest half
            return sign | 0x7bff;
        }
        double below = magnitude - decode(low);
        double above = decode(low + 1) - magnitude;
        int chosen = below < above ? low : above < below ? low + 1 : ((low & 1) == 0 ? low : low + 1);
        return sign | chosen;
    }

    @Test
    void everyHalfPatternConvertsExactlyAndRoundTrips() {
        for (int half = 0; half <= 0xffff; half++) {
            float value = Half.toFloat(half);
            double expected = decode(half);
            if (Double.isNaN(expected)) {
                assertThat(value).as("pattern 0x%04x", half).isNaN();
            } else {
                assertThat((double) value).as("pattern 0x%04x", half).isEqualTo(expected);
                assertThat(Float.floatToRawIntBits(value) < 0).as("sign of 0x%04x", half).isEqualTo(half >= 0x8000);
            }
            // NaN payloads survive too, so every pattern comes back
            assertThat(Half.fromFloat(value)).as("round trip of 0x%04x", half).isEqualTo(half);
        }
    }

    @Test
    void halfwayPointsRoundToTheEvenPatternAndTheirNeighboursToTheNearest() {
        for (int half = 0; half < 0x7bff; half++) {
            float lower = Half.toFloat(half);
            float upper = Half.toFloat(half + 1);
            float middle = (float) (((double) lower + upper) / 2);
            assertThat((double) middle).as("midpoint above 0x%04x is a float", half)
                    .isEqualTo(((double) lower + upper) / 2);
            int even = (half & 1) == 0 ? half : half + 1;
            assertThat(Half.fromFloat(middle)).as("midpoint above 0x%04x", half).isEqualTo(even);
            assertThat(Half.fromFloat(-middle)).as("negative midpoint above 0x%04x", half).isEqualTo(0x8000 | even);
            assertThat(Half.fromFloat(Math.nextDown(middle))).as("just below the midpoint above 0x%04x", half)
                    .isEqualTo(half);
            assertThat(Half.fromFloat(Math.nextUp(middle))).as("just above the midpoint above 0x%04x", half)
                    .isEqualTo(half + 1);
        }
    }

    @Test
    void namedBoundaryCases() {
        assertThat(Half.fromFloat(65504f)).isEqualTo(0x7bff);
        assertThat(Half.fromFloat(Math.nextDown(65520f))).isEqualTo(0x7bff);
        assertThat(Half.fromFloat(65520f)).as("halfway past the largest half ties to infinity").isEqualTo(0x7c00);
        assertThat(Half.fromFloat(70000f)).isEqualTo(0x7c00);
        assertThat(Half.fromFloat(-1e10f)).isEqualTo(0xfc00);
        assertThat(Half.fromFloat(Float.MAX_VALUE)).isEqualTo(0x7c00);
        assertThat(Half.fromFloat(0x1p-24f)).as("smallest subnormal").isEqualTo(0x0001);
        assertThat(Half.fromFloat(0x1p-25f)).as("half the smallest subnormal ties to zero").isEqualTo(0x0000);
        assertThat(Half.fromFloat(Math.nextUp(0x1p-25f))).isEqualTo(0x0001);
        assertThat(Half.fromFloat(-0x1p-25f)).isEqualTo(0x8000);
        assertThat(Half.fromFloat(3 * 0x1p-25f)).as("1.5 subnormal units tie to 2").isEqualTo(0x0002);
        assertThat(Half.fromFloat(0x1p-14f - 0x1p-25f)).as("tie between largest subnormal and smallest normal")
                .isEqualTo(0x0400);
        assertThat(Half.fromFloat(0x1p-14f)).as("smallest normal").isEqualTo(0x0400);
        assertThat(Half.fromFloat(Float.MIN_VALUE)).isEqualTo(0x0000);
        assertThat(Half.fromFloat(1f)).isEqualTo(0x3c00);
        assertThat(Half.fromFloat(1f + 0x1p-11f)).as("tie rounds down to even").isEqualTo(0x3c00);
        assertThat(Half.fromFloat(1f + 3 * 0x1p-11f)).as("tie rounds up to even").isEqualTo(0x3c02);
        assertThat(Half.fromFloat(0.1f)).isEqualTo(0x2e66);
        assertThat(Half.fromFloat(-0f)).isEqualTo(0x8000);
        assertThat(Half.fromFloat(0f)).isEqualTo(0x0000);
        assertThat(Half.fromFloat(Float.POSITIVE_INFINITY)).isEqualTo(0x7c00);
        assertThat(Half.fromFloat(Float.NEGATIVE_INFINITY)).isEqualTo(0xfc00);
        assertThat(Half.fromFloat(Float.NaN)).as("the quiet NaN keeps its payload").isEqualTo(0x7e00);
        assertThat(Half.fromFloat(Float.intBitsToFloat(0xff800001))).as("a NaN whose payload is lost stays NaN")
                .isEqualTo(0xfc01);
    }

    @Test
    void randomFloatsRoundToTheNearestHalf() {
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < 1_000_000; i++) {
            // patterns from tiny to huge magnitudes, both signs
            float value = Float.intBitsToFloat(random.nextInt(0x3000_0000, 0x4800_0000) | (random.nextBoolean() ? 0x8000_0000 : 0));
            int expected = nearest(value);
            if (Half.fromFloat(value) != expected) {
                assertThat(Half.fromFloat(value)).as("%s (bits 0x%08x)", value, Float.floatToRawIntBits(value))
                        .isEqualTo(expected);
            }
        }
    }
}
