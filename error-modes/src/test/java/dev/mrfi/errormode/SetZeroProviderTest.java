package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetZeroProviderTest extends ErrorModeContractTest {

    private static final SetZeroProvider PROVIDER = new SetZeroProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new SetZeroProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void writesPositiveZeroOverEveryValue() {
        float[] result = applied(PROVIDER, Map.of(), 1.5f, -0f, Float.NaN, Float.NEGATIVE_INFINITY);
        for (float value : result) {
            assertThat(Float.floatToRawIntBits(value)).isZero();
        }
    }

    @Test
    void takesNoParameters() {
        assertRejected(PROVIDER, Map.of("value", 1))
                .hasMessageContaining("[config/UnknownParameter] value: unknown parameter 'value'. Allowed: none.");
    }
}
