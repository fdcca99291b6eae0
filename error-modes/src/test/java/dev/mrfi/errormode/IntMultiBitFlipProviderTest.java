package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntMultiBitFlipProviderTest extends ErrorModeContractTest {

    private static final IntMultiBitFlipProvider PROVIDER = new IntMultiBitFlipProvider();
    /** Chi-square quantiles at p = 1e-4. */
    private static final double CHI_SQUARE_13_DF = 40.871;
    private static final double CHI_SQUARE_27_DF = 63.164;

    @Override
    protected ErrorModeProvider provider() {
        return new IntMultiBitFlipProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8), Map.of("bit_width", 16, "n", 3, "adjacent", true),
                Map.of("bit_width", 8, "n", 8, "signed", false), Map.of("bit_width", 1, "n", 1));
    }

    private static float[] signedCodes(int bitWidth, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] codes = new float[count];
        for (int i = 0; i < count; i++) {
            codes[i] = random.nextInt(-(1 << (bitWidth - 1)), 1 << (bitWidth - 1));
        }
        return codes;
    }

    /** The code bits in which each output differs from its input, checking the result stays in range. */
    private static int[] differences(float[] input, float[] output, int bitWidth) {
        int[] differences = new int[input.length];
        for (int i = 0; i < input.length; i++) {
            long after = (long) output[i];
            if (!IntegerCode.signed(bitWidth).holds(after, after)) {
                fail("%s became %s, outside the signed %d-bit range", input[i], output[i], bitWidth);
            }
            differences[i] = (int) (((long) input[i] ^ after) & ((1L << bitWidth) - 1));
        }
        return differences;
    }

    @Test
    void exactlyNDistinctBitsDifferAndEveryPairOfBitsIsEquallyLikely() {
        float[] input = signedCodes(8, 280_000, 71);
        float[] output = applied(create(PROVIDER, Map.of("bit_width", 8, "n", 2)), 72, input);
        long[] pairCounts = new long[256];
        for (int difference : differences(input, output, 8)) {
            assertThat(Integer.bitCount(difference)).isEqualTo(2);
            pairCounts[difference]++;
        }
        long[] pairs = Arrays.stream(pairCounts).filter(c -> c > 0).toArray();
        assertThat(pairs).as("all 28 pairs of 8 bits occur").hasSize(28);
        assertThat(Modes.chiSquareUniform(pairs)).as(Arrays.toString(pairs)).isLessThan(CHI_SQUARE_27_DF);

        float[] wide = signedCodes(16, 50_000, 73);
        for (int difference : differences(wide, applied(create(PROVIDER, Map.of("bit_width", 16, "n", 5)), 74, wide), 16)) {
            assertThat(Integer.bitCount(difference)).isEqualTo(5);
        }
    }

    @Test
    void adjacentFlipsABurstWhoseStartIsUniformOverThePlacesItFits() {
        float[] input = signedCodes(16, 300_000, 75);
        float[] output = applied(create(PROVIDER, Map.of("bit_width", 16, "n", 3, "adjacent", true)), 76, input);
        long[] starts = new long[14];
        for (int difference : differences(input, output, 16)) {
            int start = Integer.numberOfTrailingZeros(difference);
            assertThat(difference).as("a burst of 3").isEqualTo(0b111 << start);
            starts[start]++;
        }
        assertThat(Modes.chiSquareUniform(starts)).as(Arrays.toString(starts)).isLessThan(CHI_SQUARE_13_DF);
    }

    @Test
    void flippingEveryBitComplementsTheCode() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "n", 8), 5, -1, 127)).containsExactly(-6, 0, -128);
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "n", 8, "signed", false), 5, 255))
                .containsExactly(250, 0);
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "n", 8, "adjacent", true), 5)).containsExactly(-6);
    }

    @Test
    void rejectsMoreBitsThanTheCodeHas() {
        assertRejected(PROVIDER, Map.of("bit_width", 8, "n", 9))
                .hasMessageContaining("[config/OutOfRange] n: must be in [1, 8] for bit_width 8, got 9");
        assertRejected(PROVIDER, Map.of("bit_width", 8, "n", 0))
                .hasMessageContaining("[config/OutOfRange] n: must be in [1, 32], got 0");
    }
}
