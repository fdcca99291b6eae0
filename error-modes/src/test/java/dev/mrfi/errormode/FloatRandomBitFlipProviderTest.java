package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatRandomBitFlipProviderTest extends ErrorModeContractTest {

    private static final FloatRandomBitFlipProvider PROVIDER = new FloatRandomBitFlipProvider();
    /** Chi-square quantiles at p = 1e-4. */
    private static final double CHI_SQUARE_31_DF = 69.106;
    private static final double CHI_SQUARE_15_DF = 44.263;

    @Override
    protected ErrorModeProvider provider() {
        return new FloatRandomBitFlipProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("floattype", "float16"), Map.of("floattype", "float64", "suppress_invalid", true));
    }

    private static float[] gaussians(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * 3);
        }
        return values;
    }

    @Test
    void theFlippedFloat32BitIsUniformByChiSquareOverAMillionDraws() {
        int draws = 1_000_000;
        float[] input = gaussians(draws, 5);
        float[] output = applied(create(PROVIDER, Map.of()), 6, input);
        long[] counts = new long[32];
        for (int i = 0; i < draws; i++) {
            int difference = Float.floatToRawIntBits(input[i]) ^ Float.floatToRawIntBits(output[i]);
            if (Integer.bitCount(difference) != 1) {
                fail("%s became %s, which is not one flipped bit", input[i], output[i]);
            }
            counts[Integer.numberOfTrailingZeros(difference)]++;
        }
        assertThat(Modes.chiSquareUniform(counts)).as("chi-square of bit positions %s", Arrays.toString(counts))
                .isLessThan(CHI_SQUARE_31_DF);
    }

    @Test
    void theFlippedFloat16BitIsUniformByChiSquare() {
        int draws = 200_000;
        float[] input = gaussians(draws, 7);
        for (int i = 0; i < draws; i++) {
            input[i] = Half.toFloat(Half.fromFloat(input[i]));
        }
        float[] output = applied(create(PROVIDER, Map.of("floattype", "float16")), 8, input);
        long[] counts = new long[16];
        for (int i = 0; i < draws; i++) {
            int difference = Half.fromFloat(input[i]) ^ Half.fromFloat(output[i]);
            if (Integer.bitCount(difference) != 1) {
                fail("%s became %s, which is not one flipped float16 bit", input[i], output[i]);
            }
            counts[Integer.numberOfTrailingZeros(difference)]++;
        }
        assertThat(Modes.chiSquareUniform(counts)).as("chi-square of bit positions %s", Arrays.toString(counts))
                .isLessThan(CHI_SQUARE_15_DF);
    }

    @Test
    void float64ResultsAreSingleBitFlipsOfTheDoublePatternRoundedBack() {
        float[] input = gaussians(2000, 9);
        float[] output = applied(create(PROVIDER, Map.of("floattype", "float64")), 10, input);
        boolean lowBitVanished = false;
        for (int i = 0; i < input.length; i++) {
            long pattern = Double.doubleToRawLongBits(input[i]);
            boolean found = false;
            for (int bit = 0; bit < 64 && !found; bit++) {
                float candidate = (float) Double.longBitsToDouble(pattern ^ (1L << bit));
                found = Float.compare(candidate, output[i]) == 0 || Float.isNaN(candidate) && Float.isNaN(output[i]);
            }
            assertThat(found).as("%s became %s", input[i], output[i]).isTrue();
            lowBitVanished |= output[i] == input[i];
        }
        assertThat(lowBitVanished).as("some flips of low mantissa bits vanish in float32").isTrue();
    }

    @Test
    void suppressInvalidLeavesNoNaNOrInfinity() {
        float[] input = gaussians(10_000, 11);
        input[0] = Float.NaN;
        input[1] = Float.POSITIVE_INFINITY;
        for (String type : new String[] {"float16", "float32", "float64"}) {
            float[] output = applied(create(PROVIDER, Map.of("floattype", type, "suppress_invalid", true)), 12, input);
            for (float value : output) {
                assertThat(Float.isFinite(value)).as(type + " value " + value).isTrue();
            }
        }
    }

    @Test
    void rejectsUnknownFloatTypes() {
        assertRejected(PROVIDER, Map.of("floattype", "bfloat16"))
                .hasMessageContaining("[config/WrongType] floattype: expected one of [float16, float32, float64],"
                        + " got 'bfloat16'");
    }
}
