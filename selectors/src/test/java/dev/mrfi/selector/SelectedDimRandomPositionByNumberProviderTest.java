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

class SelectedDimRandomPositionByNumberProviderTest extends SelectorContractTest {

    private static final TensorShape SHAPE = TensorShape.of(4, 3, 8, 8);

    @Override
    protected SelectorProvider provider() {
        return new SelectedDimRandomPositionByNumberProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("n", 20, "in_channel", List.of(0, 2)),
                Map.of("n", 50, "out", List.of(3), "d2", List.of(0, 7), "d3", 5, "d5", List.of(9)),
                Map.of("n", 300, "channel", List.of(1), "distinct", true));
    }

    private Selector create(Map<String, ?> raw) {
        return Statistics.create(provider(), raw);
    }

    @Test
    void onlySelectedIndicesAreChosenUniformly() {
        Selector selector = create(Map.of("n", 10, "channel", List.of(2, 0), "width", List.of(1, 4, 6)));
        long[] counts = Statistics.histogram(selector, SHAPE, 20_000, 3);
        long[] eligible = new long[4 * 2 * 8 * 3];
        int next = 0;
        for (int index = 0; index < SHAPE.size(); index++) {
            int[] at = SHAPE.coordinates(index);
            if ((at[1] == 0 || at[1] == 2) && (at[3] == 1 || at[3] == 4 || at[3] == 6)) {
                eligible[next++] = counts[index];
            } else {
                assertThat(counts[index]).as("unselected position %s", Arrays.toString(at)).isZero();
            }
        }
        Statistics.assertUniform(eligible, "selected positions");
    }

    @Test
    void duplicatesInAListDoNotWeightTheDraw() {
        Selector selector = create(Map.of("n", 1, "channel", List.of(0, 0, 0, 1)));
        long[] perChannel = new long[3];
        SplittableRandom random = new SplittableRandom(7);
        for (int call = 0; call < 20_000; call++) {
            perChannel[selector.select(SHAPE, random)[0] / 64 % 3]++;
        }
        assertThat(perChannel[2]).isZero();
        Statistics.assertUniform(new long[] {perChannel[0], perChannel[1]}, "channels 0 and 1");
    }

    @Test
    void aSelectedIndexOutsideItsDimensionIsAnError() {
        // the reference has no check: channel 9 of 8 produced indices beyond the tensor
        assertThatThrownBy(() -> create(Map.of("channel", List.of(1, 9))).select(TensorShape.of(2, 8, 4, 4),
                new SplittableRandom(1))).isInstanceOf(InjectionException.class)
                .hasMessage("selected index 9 of dimension 1 is outside the tensor of shape [2, 8, 4, 4], whose"
                        + " dimension 1 has size 8; selected indices must be in [0, 8)");
    }

    @Test
    void selectionsForDimensionsTheTensorLacksAreIgnored() {
        int[] positions = create(Map.of("n", 50, "neuron", List.of(3), "height", List.of(99)))
                .select(TensorShape.of(4, 10), new SplittableRandom(2));
        assertThat(Arrays.stream(positions).map(i -> i % 10).distinct()).containsExactly(3);
    }

    @Test
    void dimensionsBeyondTheFourthCanBeSelected() {
        TensorShape fiveD = TensorShape.of(2, 2, 2, 2, 3);
        int[] positions = create(Map.of("n", 500, "d4", List.of(2), "d0", List.of(1))).select(fiveD,
                new SplittableRandom(2));
        assertThat(Arrays.stream(positions).allMatch(i -> i % 3 == 2 && i >= 24)).isTrue();
    }

    @Test
    void distinctCoversEverySelectedPositionOnce() {
        int[] all = create(Map.of("n", 100, "instance", List.of(1), "channel", List.of(2), "height", List.of(3),
                "distinct", true)).select(SHAPE, new SplittableRandom(5));
        assertThat(all).containsExactlyInAnyOrder(192 + 128 + 24, 192 + 128 + 25, 192 + 128 + 26, 192 + 128 + 27,
                192 + 128 + 28, 192 + 128 + 29, 192 + 128 + 30, 192 + 128 + 31);
    }
}
