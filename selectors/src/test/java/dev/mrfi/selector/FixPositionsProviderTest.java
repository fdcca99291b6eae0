package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.testkit.SelectorContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FixPositionsProviderTest extends SelectorContractTest {

    @Override
    protected SelectorProvider provider() {
        return new FixPositionsProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("positions", List.of(0, 5, 767)), Map.of("positions", List.of()),
                Map.of("positions", List.of(List.of(0, 3), List.of(2, 1), List.of(0, 7), List.of(7, 7))));
    }

    private int[] select(Object positions, int... shape) {
        return Statistics.create(provider(), Map.of("positions", positions))
                .select(TensorShape.of(shape), new SplittableRandom(1));
    }

    @Test
    void aFlatListIsReturnedAsGiven() {
        assertThat(select(List.of(3, 1, 3), 2, 3)).containsExactly(3, 1, 3);
        assertThat(select(List.of(), 2, 3)).isEmpty();
    }

    @Test
    void listsOfListsAreOneListPerDimensionNotOnePerPoint() {
        // the reference's documented example: [[0, 1], [2, 3]] means the points (0, 2) and (1, 3)
        assertThat(select(List.of(List.of(0, 1), List.of(2, 3)), 2, 4)).containsExactly(2, 7);
        // three points (1, 0, 4), (0, 2, 6), (1, 1, 0) in a [2, 3, 8] tensor
        assertThat(select(List.of(List.of(1, 0, 1), List.of(0, 2, 1), List.of(4, 6, 0)), 2, 3, 8))
                .containsExactly(28, 22, 32);
    }

    @Test
    void everyDimensionOfAFiveDimensionalTensorCounts() {
        assertThat(select(List.of(List.of(1), List.of(1), List.of(1), List.of(1), List.of(1)), 2, 2, 2, 2, 2))
                .containsExactly(31);
    }

    @Test
    void everyFlatIndexIsCheckedNotOnlyTheLast() {
        assertThatThrownBy(() -> select(List.of(3, 48, 5), 2, 3, 8)).isInstanceOf(InjectionException.class)
                .hasMessage("position 48 (entry 1 of positions) is outside the tensor of shape [2, 3, 8], which has"
                        + " 48 elements");
    }

    @Test
    void aPointOutsideTheTensorNamesItAndTheShape() {
        assertThatThrownBy(() -> select(List.of(List.of(0, 1), List.of(2, 3)), 2, 3))
                .isInstanceOf(InjectionException.class)
                .hasMessage("point (1, 3) (entry 1 of the per-dimension lists) is outside the tensor of shape [2, 3]");
    }

    @Test
    void theNumberOfPerDimensionListsMustMatchTheRank() {
        // two coordinates written as points look like two per-dimension lists to a 3-D tensor
        assertThatThrownBy(() -> select(List.of(List.of(0, 1, 2), List.of(1, 2, 7)), 2, 3, 8))
                .isInstanceOf(InjectionException.class)
                .hasMessageContaining("positions has 2 per-dimension lists but the tensor of shape [2, 3, 8] has 3"
                        + " dimensions")
                .hasMessageContaining("[[0, 1], [2, 3]] means the points (0, 2) and (1, 3)");
    }

    @Test
    void negativeIndicesAreRejectedInsteadOfWrappedAsInPython() {
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("positions", List.of(0, -1))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] positions: must be made of indices of at least 0 (they"
                        + " do not count from the end as in Python), got a list [0, -1]");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("positions", List.of(List.of(0), List.of(-2)))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("config/OutOfRange");
    }

    @Test
    void rejectsRaggedAndMixedListsWhenLoaded() {
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("positions", List.of(List.of(0, 1), List.of(2)))))
                .hasMessageContaining("[config/OutOfRange] positions: must be lists of equal length, one per"
                        + " dimension, got a list [[0, 1], [2]]");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("positions", List.of(1, List.of(2)))))
                .hasMessageContaining("[config/WrongType] positions: expected list[int] or list[list[int]], got a list"
                        + " [1, [2]], which mixes indices and lists");
    }
}
