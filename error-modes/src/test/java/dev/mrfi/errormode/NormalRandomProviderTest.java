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

class NormalRandomProviderTest extends ErrorModeContractTest {

    private static final NormalRandomProvider PROVIDER = new NormalRandomProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new NormalRandomProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("mean", 3, "std", "2.5e-1"), Map.of("std", 0));
    }

    @Test
    void meanAndVarianceMatchWithinFiveStandardErrorsOverAMillionDraws() {
        int n = 1_000_000;
        double mean = 3;
        double std = 2;
        float[] output = applied(create(PROVIDER, Map.of("mean", mean, "std", std)), 41, new float[n]);
        double[] sample = new double[n];
        for (int i = 0; i < n; i++) {
            sample[i] = output[i];
        }
        Modes.Moments moments = Modes.Moments.of(sample);
        // standard errors: std/sqrt(n) for the mean, std^2*sqrt(2/(n-1)) for the variance of a normal sample
        assertThat(moments.mean()).isCloseTo(mean, within(5 * std / Math.sqrt(n)));
        assertThat(moments.variance()).isCloseTo(std * std, within(5 * std * std * Math.sqrt(2.0 / (n - 1))));
    }

    @Test
    void aStandardDeviationOfZeroWritesTheMean() {
        assertThat(applied(PROVIDER, Map.of("mean", "1e-3", "std", 0), 5f, 6f)).containsExactly(0.001f, 0.001f);
    }

    @Test
    void rejectsNegativeOrInfiniteParameters() {
        assertRejected(PROVIDER, Map.of("std", -1))
                .hasMessageContaining("[config/OutOfRange] std: must be a finite number of at least 0, got -1");
        assertRejected(PROVIDER, Map.of("mean", ".inf")).hasMessageContaining("[config/OutOfRange] mean");
    }
}
