package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

class RandomPositionByNumberProviderTest extends SelectorContractTest {

    private static final TensorShape SHAPE = TensorShape.of(4, 3, 8, 8);

    @Override
    protected SelectorProvider provider() {
        return new RandomPositionByNumberProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("n", 10), Map.of("n", 3, "per_instance", true),
                Map.of("n", 1000, "distinct", true), Map.of("n", 5, "per_instance", true, "distinct", true));
    }

    private Selector create(Map<String, ?> raw) {
        return Statistics.create(provider(), raw);
    }

    @Test
    void drawsOnePositionByDefault() {
        assertThat(create(Map.of()).select(SHAPE, new SplittableRandom(1))).hasSize(1);
        assertThat(create(Map.of("n", 0)).select(SHAPE, new SplittableRandom(1))).isEmpty();
    }

    @Test
    void positionsAreUniformOverTheTensor() {
        long[] counts = Statistics.histogram(create(Map.of("n", 7)), SHAPE, 20_000, 3);
        Statistics.assertUniform(counts, "RandomPositionByNumber positions");
    }

    @Test
    void perInstanceDrawsNInsideEachInstanceGroupedByInstance() {
        int[] positions = create(Map.of("n", 3, "per_instance", true)).select(SHAPE, new SplittableRandom(4));
        assertThat(positions).hasSize(12);
        int block = SHAPE.size() / 4;
        for (int i = 0; i < positions.length; i++) {
            assertThat(positions[i] / block).as("instance of entry %d", i).isEqualTo(i / 3);
        }
    }

    @Test
    void perInstancePositionsAreUniformInsideEachInstance() {
        long[] counts = Statistics.histogram(create(Map.of("n", 2, "per_instance", true)), SHAPE, 20_000, 5);
        Statistics.assertUniform(counts, "per-instance positions");
    }

    @Test
    void withReplacementByDefaultSoDuplicatesAppearAsInTheReference() {
        // 10 draws over 10 elements keep 10 * (1 - 0.9^10) = 6.51 distinct ones on average
        Selector selector = create(Map.of("n", 10));
        double distinctSum = 0;
        int calls = 20_000;
        SplittableRandom random = new SplittableRandom(6);
        for (int call = 0; call < calls; call++) {
            int[] positions = selector.select(TensorShape.of(10), random);
            assertThat(positions).hasSize(10);
            distinctSum += Arrays.stream(positions).distinct().count();
        }
        assertThat(distinctSum / calls).isCloseTo(10 * (1 - Math.pow(0.9, 10)), within(0.03));
    }

    @Test
    void distinctDrawsNeverRepeatAndStopAtTheTensorSize() {
        int[] all = create(Map.of("n", 10, "distinct", true)).select(TensorShape.of(10), new SplittableRandom(6));
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        int[] capped = create(Map.of("n", 15, "distinct", true)).select(TensorShape.of(2, 5), new SplittableRandom(6));
        assertThat(capped).hasSize(10).doesNotHaveDuplicates();
        int[] perInstance = create(Map.of("n", 7, "per_instance", true, "distinct", true))
                .select(TensorShape.of(3, 5), new SplittableRandom(6));
        assertThat(perInstance).hasSize(15).doesNotHaveDuplicates();
    }

    @Test
    void distinctPositionsAreUniform() {
        long[] counts = Statistics.histogram(create(Map.of("n", 300, "distinct", true)), SHAPE, 2_000, 8);
        Statistics.assertUniform(counts, "distinct positions");
    }

    @Test
    void worksOnFiveDimensionalAndEmptyTensors() {
        int[] positions = create(Map.of("n", 4, "per_instance", true)).select(TensorShape.of(2, 2, 2, 2, 3),
                new SplittableRandom(1));
        assertThat(positions).hasSize(8);
        assertThat(Arrays.stream(positions, 0, 4).allMatch(i -> i < 24)).isTrue();
        assertThat(Arrays.stream(positions, 4, 8).allMatch(i -> i >= 24 && i < 48)).isTrue();
        assertThat(create(Map.of("n", 4)).select(TensorShape.of(0, 3), new SplittableRandom(1))).isEmpty();
        assertThat(create(Map.of("n", 4, "per_instance", true)).select(TensorShape.of(0, 3), new SplittableRandom(1)))
                .isEmpty();
    }

    @Test
    void rejectsANegativeCount() {
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("n", -1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] n: must be at least 0, got -1");
    }

    @Test
    void timeIsProportionalToTheSelectionNotToTheTensor() {
        TensorShape huge = TensorShape.of(2, (int) (TensorShape.MAX_ELEMENTS / 2));
        long start = System.nanoTime();
        for (long seed = 0; seed < 100; seed++) {
            assertThat(create(Map.of("n", 1000, "distinct", true)).select(huge, new SplittableRandom(seed)))
                    .hasSize(1000);
            assertThat(create(Map.of("n", 1000, "per_instance", true)).select(huge, new SplittableRandom(seed)))
                    .hasSize(2000);
        }
        assertThat((System.nanoTime() - start) / 1e9).as("seconds for 200 selections in a 2^31-element tensor")
                .isLessThan(5.0);
    }
}
