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

class NormalDisturbProviderTest extends ErrorModeContractTest {

    private static final NormalDisturbProvider PROVIDER = new NormalDisturbProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new NormalDisturbProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("std", 0.5, "bias", -1), Map.of("std", "1e-3"));
    }

    @Test
    void theNoiseHasMeanBiasAndVarianceStdSquaredWithinFiveStandardErrors() {
        int n = 1_000_000;
        double std = 0.5;
        double bias = 1;
        float[] input = new float[n];
        for (int i = 0; i < n; i++) {
            input[i] = (i % 17) - 8;
        }
        float[] output = applied(create(PROVIDER, Map.of("std", std, "bias", bias)), 43, input);
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = (double) output[i] - input[i];
        }
        Modes.Moments moments = Modes.Moments.of(noise);
        assertThat(moments.mean()).isCloseTo(bias, within(5 * std / Math.sqrt(n)));
        assertThat(moments.variance()).isCloseTo(std * std, within(5 * std * std * Math.sqrt(2.0 / (n - 1))));
    }

    @Test
    void aStandardDeviationOfZeroAddsTheBias() {
        assertThat(applied(PROVIDER, Map.of("std", 0, "bias", 2), 1f, -0.5f)).containsExactly(3f, 1.5f);
    }

    @Test
    void rejectsANegativeStandardDeviation() {
        assertRejected(PROVIDER, Map.of("std", -0.1))
                .hasMessageContaining("[config/OutOfRange] std: must be a finite number of at least 0, got -0.1");
    }
}
