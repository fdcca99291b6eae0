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

class FixPositionProviderTest extends SelectorContractTest {

    @Override
    protected SelectorProvider provider() {
        return new FixPositionProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("position", 5), Map.of("position", List.of(767)),
                Map.of("position", List.of(3, 2, 7, 7)));
    }

    private int[] select(Object position, int... shape) {
        return Statistics.create(provider(), Map.of("position", position))
                .select(TensorShape.of(shape), new SplittableRandom(1));
    }

    @Test
    void anIntOrAListOfOneIsAFlatIndex() {
        assertThat(select(5, 2, 3, 8)).containsExactly(5);
        assertThat(select(List.of(47), 2, 3, 8)).containsExactly(47);
        assertThat(select(7L, 8)).containsExactly(7);
    }

    @Test
    void aLongerListIsOneCoordinatePerDimension() {
        assertThat(select(List.of(1, 0, 5), 2, 3, 8)).containsExactly(29);
    }

    @Test
    void everyDimensionOfAFiveDimensionalTensorCounts() {
        // the reference flattens only four dimensions and gives 15 here
        assertThat(select(List.of(1, 1, 1, 1, 1), 2, 2, 2, 2, 2)).containsExactly(31);
    }

    @Test
    void aFlatIndexOutsideTheTensorNamesItAndTheShape() {
        assertThatThrownBy(() -> select(48, 2, 3, 8)).isInstanceOf(InjectionException.class)
                .hasMessage("position 48 is outside the tensor of shape [2, 3, 8], which has 48 elements");
    }

    @Test
    void aCoordinateOutsideTheTensorIsAnErrorInsteadOfWrapping() {
        // the reference turns (5, 5, 5) in a (2, 2, 3) tensor into index 50
        assertThatThrownBy(() -> select(List.of(5, 5, 5), 2, 2, 3)).isInstanceOf(InjectionException.class)
                .hasMessage("position [5, 5, 5] is outside the tensor of shape [2, 2, 3]");
    }

    @Test
    void aCoordinateMustHaveOneEntryPerDimension() {
        assertThatThrownBy(() -> select(List.of(1, 2), 2, 3, 8)).isInstanceOf(InjectionException.class)
                .hasMessageContaining("position [1, 2] has 2 coordinates but the tensor of shape [2, 3, 8] has 3"
                        + " dimensions");
    }

    @Test
    void rejectsNegativeEmptyAndNonIntegerPositionsWhenLoaded() {
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("position", -1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] position: must be made of indices of at least 0, got -1");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("position", List.of())))
                .hasMessageContaining("[config/OutOfRange] position: must be not empty, got a list []");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("position", List.of(1.5))))
                .hasMessageContaining("[config/WrongType] position: expected int or list[int]");
    }
}
