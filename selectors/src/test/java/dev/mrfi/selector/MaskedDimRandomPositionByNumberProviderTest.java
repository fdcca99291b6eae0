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

class MaskedDimRandomPositionByNumberProviderTest extends SelectorContractTest {

    private static final TensorShape SHAPE = TensorShape.of(4, 3, 8, 8);

    @Override
    protected SelectorProvider provider() {
        return new MaskedDimRandomPositionByNumberProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("n", 20, "channel", List.of(0, 2)),
                Map.of("n", 50, "instance", List.of(3), "height", List.of(0, 7), "width", 5, "d4", List.of(1)),
                Map.of("n", 300, "out_channel", List.of(1), "distinct", true));
    }

    private Selector create(Map<String, ?> raw) {
        return Statistics.create(provider(), raw);
    }

    @Test
    void maskedIndicesAreNeverChosenAndTheRestAreUniform() {
        Selector selector = create(Map.of("n", 10, "channel", List.of(1), "height", List.of(0, 3, 7)));
        long[] counts = Statistics.histogram(selector, SHAPE, 20_000, 3);
        long[] eligible = new long[4 * 2 * 5 * 8];
        int next = 0;
        for (int index = 0; index < SHAPE.size(); index++) {
            int[] at = SHAPE.coordinates(index);
            if (at[1] == 1 || at[2] == 0 || at[2] == 3 || at[2] == 7) {
                assertThat(counts[index]).as("masked position %s", Arrays.toString(at)).isZero();
            } else {
                eligible[next++] = counts[index];
            }
        }
        Statistics.assertUniform(eligible, "unmasked positions");
    }

    @Test
    void theFirstNonEmptyAliasWinsAndAnEmptyListMeansNotGiven() {
        // instance is checked before d0; an empty instance list falls through to d0
        Selector first = create(Map.of("n", 200, "instance", List.of(0, 1, 2), "d0", List.of(3)));
        assertThat(Arrays.stream(first.select(SHAPE, new SplittableRandom(1))).map(i -> i / 192).distinct())
                .containsExactly(3);
        Selector fallthrough = create(Map.of("n", 200, "instance", List.of(), "d0", List.of(0, 1, 2)));
        assertThat(Arrays.stream(fallthrough.select(SHAPE, new SplittableRandom(1))).map(i -> i / 192).distinct())
                .containsExactly(3);
        Selector channel = create(Map.of("n", 200, "neuron", List.of(0, 1)));
        assertThat(Arrays.stream(channel.select(SHAPE, new SplittableRandom(1))).map(i -> i / 64 % 3).distinct())
                .containsExactly(2);
    }

    @Test
    void maskingAWholeDimensionSelectsNothing() {
        assertThat(create(Map.of("n", 5, "channel", List.of(0, 1, 2))).select(SHAPE, new SplittableRandom(1)))
                .isEmpty();
    }

    @Test
    void masksForDimensionsTheTensorLacksAreIgnored() {
        TensorShape matrix = TensorShape.of(4, 10);
        int[] positions = create(Map.of("n", 100, "height", List.of(0), "d1", List.of(9, 12)))
                .select(matrix, new SplittableRandom(2));
        assertThat(positions).hasSize(100);
        assertThat(Arrays.stream(positions).noneMatch(i -> i % 10 == 9)).isTrue();
    }

    @Test
    void dimensionsBeyondTheFourthCanBeMasked() {
        TensorShape fiveD = TensorShape.of(2, 2, 2, 2, 3);
        int[] positions = create(Map.of("n", 500, "d4", List.of(0, 2))).select(fiveD, new SplittableRandom(2));
        assertThat(Arrays.stream(positions).map(i -> i % 3).distinct()).containsExactly(1);
    }

    @Test
    void distinctCoversEveryEligiblePositionOnceWhileWithReplacementRepeats() {
        Selector distinct = create(Map.of("n", 1000, "channel", List.of(0), "distinct", true));
        int[] all = distinct.select(SHAPE, new SplittableRandom(5));
        assertThat(all).hasSize(4 * 2 * 64).doesNotHaveDuplicates();
        assertThat(Arrays.stream(all).allMatch(i -> i / 64 % 3 != 0)).isTrue();
        int[] repeated = create(Map.of("n", 512, "channel", List.of(0))).select(SHAPE, new SplittableRandom(5));
        assertThat(Arrays.stream(repeated).distinct().count()).isLessThan(512);
    }

    @Test
    void rejectsNegativeIndicesAndNonListsWhenLoaded() {
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("channel", List.of(1, -1))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] channel: must be made of indices of at least 0, got a"
                        + " list [1, -1]");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("width", "left")))
                .hasMessageContaining("[config/WrongType] width");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("chanel", List.of(1))))
                .hasMessageContaining("[config/UnknownParameter]").hasMessageContaining("Did you mean 'channel'?");
    }
}
