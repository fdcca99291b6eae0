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

class IntRandomProviderTest extends ErrorModeContractTest {

    private static final IntRandomProvider PROVIDER = new IntRandomProvider();
    /** Chi-square quantile at p = 1e-4. */
    private static final double CHI_SQUARE_9_DF = 33.72;

    @Override
    protected ErrorModeProvider provider() {
        return new IntRandomProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("low", -3, "high", 7), Map.of("low", 5, "high", 6));
    }

    @Test
    void drawsEveryIntegerOfTheRangeEquallyOften() {
        float[] output = applied(create(PROVIDER, Map.of("low", -3, "high", 7)), 21, new float[1_000_000]);
        long[] counts = new long[10];
        for (float value : output) {
            assertThat(value).isBetween(-3f, 6f);
            assertThat(value).isEqualTo((float) Math.rint(value));
            counts[(int) value + 3]++;
        }
        assertThat(Modes.chiSquareUniform(counts)).as("chi-square of %s", Arrays.toString(counts))
                .isLessThan(CHI_SQUARE_9_DF);
    }

    @Test
    void defaultsToZeroUpTo127() {
        float[] output = applied(create(PROVIDER, Map.of()), 3, new float[100_000]);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float value : output) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(127f);
    }

    @Test
    void rejectsAnEmptyRange() {
        assertRejected(PROVIDER, Map.of("low", 5, "high", 5))
                .hasMessageContaining("[config/OutOfRange] high: must be greater than low (5), got 5");
        assertRejected(PROVIDER, Map.of("low", 1.5)).hasMessageContaining("[config/WrongType] low");
    }
}
