package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntRandomBitFlipProviderTest extends ErrorModeContractTest {

    private static final IntRandomBitFlipProvider PROVIDER = new IntRandomBitFlipProvider();
    /** Chi-square quantiles at p = 1e-4, so a correct implementation fails one seed in 10 000. */
    private static final double CHI_SQUARE_7_DF = 29.878;
    private static final double CHI_SQUARE_3_DF = 21.108;

    @Override
    protected ErrorModeProvider provider() {
        return new IntRandomBitFlipProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8), Map.of("bit_width", 16, "signed", false), Map.of("bit_width", 1));
    }

    /** Random in-range codes of a width. */
    private static float[] codes(int bitWidth, boolean signed, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long low = signed ? -(1L << (bitWidth - 1)) : 0;
        long high = signed ? 1L << (bitWidth - 1) : 1L << bitWidth;
        float[] codes = new float[count];
        for (int i = 0; i < count; i++) {
            codes[i] = random.nextLong(low, high);
        }
        return codes;
    }

    @Test
    void theFlippedBitIsUniformOverAllBitsByChiSquareOverAMillionDraws() {
        int draws = 1_000_000;
        float[] input = codes(8, true, draws, 11);
        float[] output = applied(create(PROVIDER, Map.of("bit_width", 8)), 12, input);
        long[] counts = new long[8];
        for (int i = 0; i < draws; i++) {
            int difference = ((int) input[i] ^ (int) output[i]) & 0xff;
            counts[Integer.numberOfTrailingZeros(difference)]++;
        }
        assertThat(Modes.chiSquareUniform(counts)).as("chi-square of bit positions %s", java.util.Arrays.toString(counts))
                .isLessThan(CHI_SQUARE_7_DF);
    }

    @Test
    void everyResultDiffersFromItsInputInExactlyOneBitOfTheCode() {
        for (int bitWidth : new int[] {1, 2, 5, 8, 16, 24}) {
            for (boolean signed : new boolean[] {true, false}) {
                if (signed && bitWidth == 1) {
                    continue;
                }
                IntegerCode code = new IntegerCode(bitWidth, signed);
                ErrorMode mode = create(PROVIDER, Map.of("bit_width", bitWidth, "signed", signed));
                float[] input = codes(bitWidth, signed, 100_000, bitWidth);
                float[] output = applied(mode, bitWidth * 7L, input);
                long mask = (1L << bitWidth) - 1;
                for (int i = 0; i < input.length; i++) {
                    long before = (long) input[i];
                    long after = (long) output[i];
                    if (Long.bitCount((before ^ after) & mask) != 1 || !code.holds(after, after)) {
                        fail("%s: %d became %d, which is not one flipped bit inside the code", code, before, after);
                    }
                }
            }
        }
    }

    @Test
    void zeroAtFourBitsBecomesOneTwoFourOrMinusEightEquallyOften() {
        float[] output = applied(create(PROVIDER, Map.of("bit_width", 4)), 3, new float[40_000]);
        long[] counts = new long[4];
        for (float value : output) {
            assertThat(value).isIn(1f, 2f, 4f, -8f);
            counts[value < 0 ? 3 : Integer.numberOfTrailingZeros((int) value)]++;
        }
        assertThat(Modes.chiSquareUniform(counts)).isLessThan(CHI_SQUARE_3_DF);
        assertThat(applied(create(PROVIDER, Map.of("bit_width", 4, "signed", false)), 3, new float[1000]))
                .containsOnly(1f, 2f, 4f, 8f);
    }

    @Test
    void rejectsBadBitWidths() {
        assertRejected(PROVIDER, Map.of("bit_width", 33))
                .hasMessageContaining("[config/OutOfRange] bit_width: must be in [1, 32], got 33");
        assertRejected(PROVIDER, Map.of()).hasMessageContaining("[config/MissingParameter] bit_width");
    }
}
