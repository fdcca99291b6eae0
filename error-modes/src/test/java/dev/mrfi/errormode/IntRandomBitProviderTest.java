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
import org.junit.jupiter.api.Test;

class IntRandomBitProviderTest extends ErrorModeContractTest {

    private static final IntRandomBitProvider PROVIDER = new IntRandomBitProvider();
    /** Chi-square quantile at p = 1e-4. */
    private static final double CHI_SQUARE_15_DF = 44.263;

    @Override
    protected ErrorModeProvider provider() {
        return new IntRandomBitProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("bit_width", 4, "signed", true), Map.of("bit_width", 32));
    }

    private static long[] counts(float[] values, int low, int cells) {
        long[] counts = new long[cells];
        for (float value : values) {
            assertThat(value).isBetween((float) low, (float) (low + cells - 1));
            assertThat(value).isEqualTo((float) Math.rint(value));
            counts[(int) value - low]++;
        }
        return counts;
    }

    @Test
    void unsignedDrawsAreUniformOverZeroToTwoToTheBitWidth() {
        float[] output = applied(create(PROVIDER, Map.of("bit_width", 4)), 31, new float[500_000]);
        long[] counts = counts(output, 0, 16);
        assertThat(Modes.chiSquareUniform(counts)).as(Arrays.toString(counts)).isLessThan(CHI_SQUARE_15_DF);
    }

    @Test
    void signedDrawsAreUniformOverTheTwosComplementRange() {
        float[] output = applied(create(PROVIDER, Map.of("bit_width", 4, "signed", true)), 32, new float[500_000]);
        long[] counts = counts(output, -8, 16);
        assertThat(Modes.chiSquareUniform(counts)).as(Arrays.toString(counts)).isLessThan(CHI_SQUARE_15_DF);
    }

    @Test
    void thirtyTwoBitDrawsStayInsideTheUnsignedRange() {
        for (float value : applied(create(PROVIDER, Map.of("bit_width", 32)), 33, new float[10_000])) {
            assertThat((double) value).isBetween(0.0, 0x1p32);
        }
    }

    @Test
    void signedNeedsAtLeastTwoBits() {
        assertRejected(PROVIDER, Map.of("bit_width", 1, "signed", true))
                .hasMessageContaining("[config/OutOfRange] bit_width: must be at least 2 when signed is true, got 1");
        assertThat(create(PROVIDER, Map.of("bit_width", 1))).isNotNull();
        assertThat(create(PROVIDER, Map.of()).code()).isEmpty();
    }
}
