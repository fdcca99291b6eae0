package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.testkit.SelectorContractTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectedDimRandomPositionByRateProviderTest extends SelectorContractTest {

    private static final TensorShape SHAPE = TensorShape.of(4, 4, 4, 4);

    @Override
    protected SelectorProvider provider() {
        return new SelectedDimRandomPositionByRateProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("rate", 1e-2), Map.of("rate", 0.1, "channel", List.of(0, 2)),
                Map.of("rate", 0.5, "poisson", false, "instance", List.of(3), "height", List.of(0, 7)),
                Map.of("rate", 1, "out_channel", List.of(1), "distinct", true));
    }

    private Selector create(Map<String, ?> raw) {
        return Statistics.create(provider(), raw);
    }

    @Test
    void twoSelectionsBothReduceTheCount() {
        // 256 elements, one channel of 4 and two rows of 4: 32 eligible, so rate 0.5 gives 16
        int[] positions = create(Map.of("rate", 0.5, "poisson", false, "channel", List.of(2), "height", List.of(1, 3)))
                .select(SHAPE, new SplittableRandom(1));
        assertThat(positions).hasSize(16);
        assertThat(Arrays.stream(positions).allMatch(i -> i / 16 % 4 == 2 && i / 4 % 4 % 2 == 1)).isTrue();
    }

    @Test
    void thePoissonCountHasMeanRateTimesTheEligiblePositions() {
        Selector selector = create(Map.of("rate", 0.3, "instance", List.of(0, 3), "width", List.of(1, 2, 3)));
        long[] counts = new long[20_000];
        SplittableRandom random = new SplittableRandom(2);
        for (int call = 0; call < counts.length; call++) {
            counts[call] = selector.select(SHAPE, random).length;
        }
        Statistics.assertPoissonMoments(counts, 0.3 * 2 * 4 * 4 * 3, "the count");
    }

    @Test
    void aSelectedIndexOutsideItsDimensionIsAnError() {
        assertThatThrownBy(() -> create(Map.of("rate", 0.5, "width", List.of(4)))
                .select(SHAPE, new SplittableRandom(1)))
                .isInstanceOf(InjectionException.class)
                .hasMessageContaining("selected index 4 of dimension 3 is outside the tensor of shape [4, 4, 4, 4]");
    }

    @Test
    void worksOnFiveDimensionalTensors() {
        int[] positions = create(Map.of("rate", 1, "poisson", false, "distinct", true, "d4", List.of(1)))
                .select(TensorShape.of(2, 2, 2, 2, 3), new SplittableRandom(1));
        assertThat(positions).hasSize(16).doesNotHaveDuplicates();
        assertThat(Arrays.stream(positions).allMatch(i -> i % 3 == 1)).isTrue();
    }
}
