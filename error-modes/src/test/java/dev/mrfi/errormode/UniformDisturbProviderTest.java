package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniformDisturbProviderTest extends ErrorModeContractTest {

    private static final UniformDisturbProvider PROVIDER = new UniformDisturbProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new UniformDisturbProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("low", 0, "high", 2), Map.of("low", "-5e-1", "high", "5e-1"));
    }

    @Test
    void theNoiseHasTheUniformMeanAndVarianceWithinFiveStandardErrors() {
        int n = 1_000_000;
        double low = 0;
        double high = 2;
        float[] input = new float[n];
        for (int i = 0; i < n; i++) {
            input[i] = (i % 9) - 4;
        }
        float[] output = applied(create(PROVIDER, Map.of("low", low, "high", high)), 53, input);
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = (double) output[i] - input[i];
            assertThat(noise[i]).isBetween(low, high);
        }
        double width = high - low;
        Modes.Moments moments = Modes.Moments.of(noise);
        assertThat(moments.mean()).isCloseTo((low + high) / 2, within(5 * Math.sqrt(width * width / 12 / n)));
        assertThat(moments.variance()).isCloseTo(width * width / 12, within(5 * Math.sqrt(Math.pow(width, 4) / 180 / n)));
    }

    @Test
    void rejectsAnEmptyRange() {
        assertRejected(PROVIDER, Map.of("low", 0.5, "high", -0.5))
                .hasMessageContaining("[config/OutOfRange] high: must be greater than low (0.5), got -0.5");
    }
}
