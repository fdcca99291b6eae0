package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.testkit.SelectorContractTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomPositionByRateProviderTest extends SelectorContractTest {

    private static final TensorShape SHAPE = TensorShape.of(4, 3, 8, 8);

    @Override
    protected SelectorProvider provider() {
        return new RandomPositionByRateProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("rate", 0.1), Map.of("rate", "1e-2", "poisson", false),
                Map.of("rate", 1, "distinct", true), Map.of("rate", 0));
    }

    private Selector create(Map<String, ?> raw) {
        return Statistics.create(provider(), raw);
    }

    @Test
    void aRateOfExactlyOneTenthIsAcceptedUnlikeInTheReference() {
        // 768 * 0.1 = 76.8, rounded to 77
        assertThat(create(Map.of("rate", 0.1, "poisson", false)).select(SHAPE, new SplittableRandom(1))).hasSize(77);
    }

    @Test
    void aRateOfZeroSelectsNothing() {
        for (long seed = 0; seed < 20; seed++) {
            assertThat(create(Map.of("rate", 0)).select(SHAPE, new SplittableRandom(seed))).isEmpty();
            assertThat(create(Map.of("rate", 0.0, "poisson", false)).select(SHAPE, new SplittableRandom(seed)))
                    .isEmpty();
        }
    }

    @ParameterizedTest(name = "rate {0} over 10 elements gives {1}")
    @CsvSource({"0.05, 0", "0.15, 2", "0.25, 2", "0.35, 4", "0.26, 3"})
    void withoutPoissonTheCountIsRoundedHalfToEvenAsPythonRounds(double rate, int expected) {
        assertThat(create(Map.of("rate", rate, "poisson", false)).select(TensorShape.of(10), new SplittableRandom(1)))
                .hasSize(expected);
    }

    @Test
    void withPoissonTheCountHasMeanAndVarianceRateTimesSize() {
        Selector selector = create(Map.of("rate", 0.1));
        long[] counts = new long[20_000];
        SplittableRandom random = new SplittableRandom(2);
        for (int call = 0; call < counts.length; call++) {
            counts[call] = selector.select(SHAPE, random).length;
        }
        Statistics.assertPoissonMoments(counts, 76.8, "the count at rate 0.1 over 768 elements");
    }

    @Test
    void positionsAreUniform() {
        long[] counts = Statistics.histogram(create(Map.of("rate", 0.05)), SHAPE, 5_000, 3);
        Statistics.assertUniform(counts, "RandomPositionByRate positions");
    }

    @Test
    void distinctAtRateOneSelectsEveryElementOnce() {
        int[] positions = create(Map.of("rate", 1, "poisson", false, "distinct", true)).select(SHAPE,
                new SplittableRandom(4));
        assertThat(positions).hasSize(SHAPE.size()).doesNotHaveDuplicates();
        int[] withReplacement = create(Map.of("rate", 1, "poisson", false)).select(SHAPE, new SplittableRandom(4));
        assertThat(withReplacement).hasSize(SHAPE.size());
        assertThat(Arrays.stream(withReplacement).distinct().count()).isLessThan(SHAPE.size());
    }

    @Test
    void rejectsRatesOutsideZeroToOneWhenLoaded() {
        for (Object rate : List.of(-0.1, 1.5, Double.NaN, "-1e-3")) {
            assertThatThrownBy(() -> provider().parameters().bind(Map.of("rate", rate)))
                    .as("rate %s", rate).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("[config/OutOfRange] rate: must be in [0, 1], got");
        }
        assertThat(provider().parameters().bind(Map.of("rate", 1.0))).isNotNull();
    }

    @Test
    void timeIsProportionalToTheSelectionNotToTheTensor() {
        TensorShape huge = TensorShape.of(2, (int) (TensorShape.MAX_ELEMENTS / 2));
        Selector selector = create(Map.of("rate", 1e-6, "distinct", true));
        long start = System.nanoTime();
        for (long seed = 0; seed < 100; seed++) {
            assertThat(selector.select(huge, new SplittableRandom(seed)).length).isBetween(1800, 2500);
        }
        assertThat((System.nanoTime() - start) / 1e9).as("seconds for 100 selections in a 2^31-element tensor")
                .isLessThan(5.0);
    }
}
