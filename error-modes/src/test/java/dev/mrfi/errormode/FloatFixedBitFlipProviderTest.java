package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatFixedBitFlipProviderTest extends ErrorModeContractTest {

    private static final FloatFixedBitFlipProvider PROVIDER = new FloatFixedBitFlipProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new FloatFixedBitFlipProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit", 30), Map.of("bit", 15, "floattype", "float16"),
                Map.of("bit", 63, "floattype", "float64", "suppress_invalid", "yes"),
                Map.of("bit", perValue(0, 31, 23, 22)));
    }

    @Test
    void theSignBitOfEachFormatNegates() {
        assertThat(applied(PROVIDER, Map.of("bit", 31), 1, 2, 3)).containsExactly(-1, -2, -3);
        assertThat(applied(PROVIDER, Map.of("bit", 63, "floattype", "float64"), 1, 2, 3)).containsExactly(-1, -2, -3);
        assertThat(applied(PROVIDER, Map.of("bit", 15, "floattype", "float16"), 1, 2, 3)).containsExactly(-1, -2, -3);
    }

    @Test
    void theTopExponentBitTurnsOneIntoInfinityAndTwoIntoZero() {
        assertThat(applied(PROVIDER, Map.of("bit", 30), 1f, 2f)).containsExactly(Float.POSITIVE_INFINITY, 0f);
    }

    @Test
    void float16RoundsEveryValueAndFloat64LosesLowBits() {
        assertThat(applied(PROVIDER, Map.of("bit", 0, "floattype", "float16"), 0.1f))
                .containsExactly(0.10003662109375f);
        assertThat(applied(PROVIDER, Map.of("bit", 0, "floattype", "float16"), 70000f)).containsExactly(Float.NaN);
        assertThat(applied(PROVIDER, Map.of("bit", 0, "floattype", "float64"), 0.1f)).containsExactly(0.1f);
    }

    @Test
    void flipsTheRawPatternOfNaNs() {
        // the quiet bit of the canonical NaN is bit 22; without it the pattern is infinity
        assertThat(applied(PROVIDER, Map.of("bit", 22), Float.NaN)).containsExactly(Float.POSITIVE_INFINITY);
        assertThat(applied(PROVIDER, Map.of("bit", 9, "floattype", "float16"), Float.NaN))
                .containsExactly(Float.POSITIVE_INFINITY);
        assertThat(applied(PROVIDER, Map.of("bit", 51, "floattype", "float64"), Float.NaN))
                .containsExactly(Float.POSITIVE_INFINITY);
    }

    @Test
    void suppressInvalidTurnsEveryNaNAndInfinityIntoZero() {
        assertThat(applied(PROVIDER, Map.of("bit", 0, "suppress_invalid", true),
                Float.NaN, Float.POSITIVE_INFINITY, 1f)).containsExactly(0f, 0f, Math.nextUp(1f));
        assertThat(applied(PROVIDER, Map.of("bit", 30, "suppress_invalid", true), 1f)).containsExactly(0f);
        assertThat(applied(PROVIDER, Map.of("bit", 61, "floattype", "float64", "suppress_invalid", true), 2f))
                .as("2^513 is finite in float64, infinite in float32, and suppressed after converting back")
                .containsExactly(0f);
        assertThat(applied(PROVIDER, Map.of("bit", 61, "floattype", "float64"), 2f))
                .containsExactly(Float.POSITIVE_INFINITY);
    }

    @Test
    void aListGivesOneBitPerValueAndMustMatchTheirNumber() {
        assertThat(applied(PROVIDER, Map.of("bit", List.of(31, 30, 0)), 1f, 2f, 1f))
                .containsExactly(-1f, 0f, Math.nextUp(1f));
        ErrorMode mode = create(PROVIDER, Map.of("bit", List.of(31, 30, 0)));
        assertThatThrownBy(() -> mode.apply(new float[5], 0, 5, new SplittableRandom(1)))
                .isInstanceOf(InjectionException.class)
                .hasMessageContaining("parameter 'bit' is a list of 3 entries but 5 values were selected");
    }

    @Test
    void rejectsBitsOutsideTheFloatType() {
        assertRejected(PROVIDER, Map.of("bit", 32))
                .hasMessageContaining("[config/OutOfRange] bit: must be in [0, 32) for floattype float32, got 32");
        assertRejected(PROVIDER, Map.of("bit", 16, "floattype", "float16"))
                .hasMessageContaining("[config/OutOfRange] bit: must be in [0, 16) for floattype float16, got 16");
        assertRejected(PROVIDER, Map.of("bit", List.of(3, 40)))
                .hasMessageContaining("every entry must be in [0, 32) for floattype float32, got 40 at index 1");
        assertRejected(PROVIDER, Map.of("bit", 64, "floattype", "float64"))
                .hasMessageContaining("[config/OutOfRange] bit: must be in [0, 63] (every entry of a list), got 64");
        assertThat(create(PROVIDER, Map.of("bit", 40, "floattype", "float64"))).isNotNull();
    }
}
