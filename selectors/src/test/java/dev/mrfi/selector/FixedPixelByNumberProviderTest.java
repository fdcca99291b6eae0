package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
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

class FixedPixelByNumberProviderTest extends SelectorContractTest {

    private static final TensorShape SHAPE = TensorShape.of(4, 3, 4, 5);

    @Override
    protected SelectorProvider provider() {
        return new FixedPixelByNumberProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("n", 2, "pixel", 5), Map.of("n", 3, "pixel", List.of(7, 7), "per_instance", true),
                Map.of("n", 12, "pixel", List.of(0, 1), "distinct", true),
                Map.of("n", 3, "pixel", 63, "per_instance", true, "distinct", true));
    }

    private Selector create(Map<String, ?> raw) {
        return Statistics.create(provider(), raw);
    }

    @Test
    void anIntPixelIsRowTimesWidthPlusColumn() {
        // pixel 13 of a 4 x 5 map is (2, 3): offset 2 * 5 + 3 = 13 inside each (instance, channel) plane
        int[] positions = create(Map.of("n", 50, "pixel", 13)).select(SHAPE, new SplittableRandom(1));
        assertThat(positions).hasSize(50);
        assertThat(Arrays.stream(positions).allMatch(i -> i % 20 == 13)).isTrue();
        int[] pair = create(Map.of("n", 50, "pixel", List.of(2, 3))).select(SHAPE, new SplittableRandom(1));
        assertThat(pair).containsExactly(positions);
    }

    @Test
    void instanceAndChannelPairsAreUniform() {
        long[] counts = Statistics.histogram(create(Map.of("n", 3, "pixel", List.of(1, 4))), SHAPE, 20_000, 2);
        long[] pairs = new long[12];
        for (int index = 0; index < counts.length; index++) {
            if (index % 20 != 9) {
                assertThat(counts[index]).isZero();
            } else {
                pairs[index / 20] = counts[index];
            }
        }
        Statistics.assertUniform(pairs, "(instance, channel) pairs");
    }

    @Test
    void perInstanceDrawsNChannelsInsideEachInstanceGroupedByInstance() {
        int[] positions = create(Map.of("n", 2, "pixel", 0, "per_instance", true)).select(SHAPE,
                new SplittableRandom(3));
        assertThat(positions).hasSize(8);
        for (int i = 0; i < positions.length; i++) {
            assertThat(positions[i] / 60).as("instance of entry %d", i).isEqualTo(i / 2);
            assertThat(positions[i] % 20).isZero();
        }
    }

    @Test
    void distinctPairsDoNotRepeatAndStopAtTheirNumber() {
        int[] all = create(Map.of("n", 20, "pixel", 7, "distinct", true)).select(SHAPE, new SplittableRandom(3));
        assertThat(all).hasSize(12).doesNotHaveDuplicates();
        int[] perInstance = create(Map.of("n", 5, "pixel", 7, "per_instance", true, "distinct", true))
                .select(SHAPE, new SplittableRandom(3));
        assertThat(perInstance).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void needsAFourDimensionalTensor() {
        assertThatThrownBy(() -> create(Map.of("n", 1, "pixel", 0)).select(TensorShape.of(2, 3, 4),
                new SplittableRandom(1))).isInstanceOf(InjectionException.class)
                .hasMessage("FixedPixelByNumber needs a 4-D tensor (instance, channel, height, width), got shape"
                        + " [2, 3, 4]");
    }

    @Test
    void aPixelOutsideTheMapIsAnError() {
        assertThatThrownBy(() -> create(Map.of("n", 1, "pixel", 20)).select(SHAPE, new SplittableRandom(1)))
                .isInstanceOf(InjectionException.class)
                .hasMessage("pixel 20 is outside the 4 x 5 pixels of the tensor of shape [4, 3, 4, 5]");
        assertThatThrownBy(() -> create(Map.of("n", 1, "pixel", List.of(0, 5))).select(SHAPE, new SplittableRandom(1)))
                .isInstanceOf(InjectionException.class)
                .hasMessage("pixel [0, 5] is outside the 4 x 5 pixels of the tensor of shape [4, 3, 4, 5]");
    }

    @Test
    void negativePixelsAndMalformedPixelsAreRejectedWhenLoaded() {
        // the reference accepts (-1, -1) and lands in the neighbouring row or channel
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("n", 1, "pixel", List.of(-1, -1))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] pixel: must be made of indices of at least 0");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("n", 1, "pixel", List.of(1, 2, 3))))
                .hasMessageContaining("[config/WrongType] pixel: expected int or [h, w], got a list [1, 2, 3]");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("pixel", 1)))
                .hasMessageContaining("[config/MissingParameter] n");
    }
}
