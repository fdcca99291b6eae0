package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatMultiBitFlipProviderTest extends ErrorModeContractTest {

    private static final FloatMultiBitFlipProvider PROVIDER = new FloatMultiBitFlipProvider();
    /** Chi-square quantile at p = 1e-4. */
    private static final double CHI_SQUARE_31_DF = 69.106;

    @Override
    protected ErrorModeProvider provider() {
        return new FloatMultiBitFlipProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("n", 3, "adjacent", true, "floattype", "float16"),
                Map.of("n", 64, "floattype", "float64", "suppress_invalid", true));
    }

    private static float[] gaussians(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    @Test
    void exactlyNBitsOfTheFloat32PatternDifferAndEveryBitIsEquallyLikely() {
        int draws = 250_000;
        float[] input = gaussians(draws, 81);
        float[] output = applied(create(PROVIDER, Map.of("n", 4)), 82, input);
        long[] counts = new long[32];
        for (int i = 0; i < draws; i++) {
            int difference = Float.floatToRawIntBits(input[i]) ^ Float.floatToRawIntBits(output[i]);
            assertThat(Integer.bitCount(difference)).isEqualTo(4);
            for (int bit = 0; bit < 32; bit++) {
                counts[bit] += difference >>> bit & 1;
            }
        }
        assertThat(Modes.chiSquareUniform(counts)).as(Arrays.toString(counts)).isLessThan(CHI_SQUARE_31_DF);
    }

    @Test
    void adjacentBurstsAreContiguousInTheFloat16Pattern() {
        float[] input = gaussians(50_000, 83);
        for (int i = 0; i < input.length; i++) {
            input[i] = Half.toFloat(Half.fromFloat(input[i]));
        }
        float[] output = applied(create(PROVIDER, Map.of("n", 5, "adjacent", true, "floattype", "float16")), 84, input);
        boolean[] starts = new boolean[12];
        for (int i = 0; i < input.length; i++) {
            int difference = Half.fromFloat(input[i]) ^ Half.fromFloat(output[i]);
            int start = Integer.numberOfTrailingZeros(difference);
            assertThat(difference).as("%s became %s", input[i], output[i]).isEqualTo(0b11111 << start);
            starts[start] = true;
        }
        assertThat(starts).as("every start position in [0, 11] occurs").containsOnly(true);
    }

    @Test
    void flippingEveryBitOfTheFormatComplementsThePattern() {
        assertThat(applied(PROVIDER, Map.of("n", 32), 1f))
                .containsExactly(Float.intBitsToFloat(~Float.floatToRawIntBits(1f)));
    }

    @Test
    void rejectsMoreBitsThanTheFormatHas() {
        assertRejected(PROVIDER, Map.of("n", 17, "floattype", "float16"))
                .hasMessageContaining("[config/OutOfRange] n: must be in [1, 16] for floattype float16, got 17");
        assertRejected(PROVIDER, Map.of("n", 33)).hasMessageContaining("for floattype float32, got 33");
    }
}
