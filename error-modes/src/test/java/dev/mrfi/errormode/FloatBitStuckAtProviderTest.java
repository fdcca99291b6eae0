package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FloatBitStuckAtProviderTest extends ErrorModeContractTest {

    private static final FloatBitStuckAtProvider PROVIDER = new FloatBitStuckAtProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new FloatBitStuckAtProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit", 31, "value", 1), Map.of("bit", 14, "value", 0, "floattype", "float16"),
                Map.of("bit", perValue(62, 0), "value", 1, "floattype", "float64", "suppress_invalid", true));
    }

    @Test
    void forcesTheBitAndLeavesValuesAlreadyAtIt() {
        assertThat(applied(PROVIDER, Map.of("bit", 31, "value", 1), 1f, -2f)).containsExactly(-1f, -2f);
        assertThat(applied(PROVIDER, Map.of("bit", 30, "value", 0), 2f, 1f)).containsExactly(0f, 1f);
        assertThat(applied(PROVIDER, Map.of("bit", 0, "value", 1), 1f)).containsExactly(Math.nextUp(1f));
    }

    @Test
    void aValueAlreadyAtTheBitIsNotRoundedThroughFloat16() {
        assertThat(applied(PROVIDER, Map.of("bit", 15, "value", 0, "floattype", "float16"), 0.1f))
                .containsExactly(0.1f);
        assertThat(applied(PROVIDER, Map.of("bit", 15, "value", 1, "floattype", "float16"), 0.1f))
                .containsExactly(-0.0999755859375f);
    }

    @Test
    void suppressInvalidTurnsNaNAndInfinityIntoZero() {
        assertThat(applied(PROVIDER, Map.of("bit", 30, "value", 1, "suppress_invalid", true), 1f, Float.NaN, 3f))
                .containsExactly(0f, 0f, 3f);
    }

    @Test
    void rejectsBitsOutsideTheFloatTypeAndOtherValues() {
        assertRejected(PROVIDER, Map.of("bit", 16, "value", 1, "floattype", "float16"))
                .hasMessageContaining("[config/OutOfRange] bit: must be in [0, 16) for floattype float16, got 16");
        assertRejected(PROVIDER, Map.of("bit", 1, "value", -1))
                .hasMessageContaining("[config/OutOfRange] value: must be in [0, 1], got -1");
        assertRejected(PROVIDER, Map.of("bit", 1)).hasMessageContaining("[config/MissingParameter] value");
    }
}
