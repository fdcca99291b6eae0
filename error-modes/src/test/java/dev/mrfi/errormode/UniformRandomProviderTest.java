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

class UniformRandomProviderTest extends ErrorModeContractTest {

    private static final UniformRandomProvider PROVIDER = new UniformRandomProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new UniformRandomProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("low", "-1e-3", "high", "1e-3"), Map.of("low", 2, "high", 10.5));
    }

    @Test
    void meanAndVarianceMatchWithinFiveStandardErrorsOverAMillionDraws() {
        int n = 1_000_000;
        double low = -2;
        double high = 5;
        float[] output = applied(create(PROVIDER, Map.of("low", low, "high", high)), 51, new float[n]);
        double[] sample = new double[n];
        for (int i = 0; i < n; i++) {
            assertThat(output[i]).isBetween((float) low, (float) high);
            sample[i] = output[i];
        }
        double width = high - low;
        Modes.Moments moments = Modes.Moments.of(sample);
        // a uniform sample: variance w^2/12, and the squared deviations have variance w^4/180
        assertThat(moments.mean()).isCloseTo((low + high) / 2, within(5 * Math.sqrt(width * width / 12 / n)));
        assertThat(moments.variance()).isCloseTo(width * width / 12, within(5 * Math.sqrt(Math.pow(width, 4) / 180 / n)));
    }

    @Test
    void rejectsAnEmptyRange() {
        assertRejected(PROVIDER, Map.of("low", 1, "high", "1e-1"))
                .hasMessageContaining("[config/OutOfRange] high: must be greater than low (1.0), got 0.1");
    }
}
