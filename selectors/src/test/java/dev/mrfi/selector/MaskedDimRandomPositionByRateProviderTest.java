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

class MaskedDimRandomPositionByRateProviderTest extends SelectorContractTest {

    private static final TensorShape SHAPE = TensorShape.of(4, 4, 4, 4);

    @Override
    protected SelectorProvider provider() {
        return new MaskedDimRandomPositionByRateProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("rate", 1e-2), Map.of("rate", 0.1, "channel", List.of(0, 2)),
                Map.of("rate", "0.5", "poisson", false, "instance", List.of(3), "height", List.of(0, 7)),
                Map.of("rate", 1, "out_channel", List.of(1), "distinct", true));
    }

    private Selector create(Map<String, ?> raw) {
        return Statistics.create(provider(), raw);
    }

    @Test
    void twoMasksBothReduceTheCount() {
        // 256 elements, half the channels and half the rows masked: 64 eligible, so rate 0.5 gives 32;
        // the reference scales by the last mask only and gives 64
        int[] positions = create(Map.of("rate", 0.5, "poisson", false, "channel", List.of(0, 1),
                "height", List.of(2, 3))).select(SHAPE, new SplittableRandom(1));
        assertThat(positions).hasSize(32);
        assertThat(Arrays.stream(positions).allMatch(i -> i / 16 % 4 >= 2 && i / 4 % 4 < 2)).isTrue();
    }

    @Test
    void theReferenceExampleOfTwoMasksGivesEightNotSixteen() {
        // 64 elements with rate 0.5 and two masks that each remove half: 8 positions (the reference: 16)
        int[] positions = create(Map.of("rate", 0.5, "poisson", false, "d1", List.of(0, 1), "d2", List.of(0, 1)))
                .select(TensorShape.of(1, 4, 4, 4), new SplittableRandom(1));
        assertThat(positions).hasSize(8);
    }

    @Test
    void thePoissonCountHasMeanRateTimesTheEligiblePositions() {
        Selector selector = create(Map.of("rate", 0.1, "instance", List.of(0), "width", List.of(1, 2, 3)));
        long[] counts = new long[20_000];
        SplittableRandom random = new SplittableRandom(2);
        for (int call = 0; call < counts.length; call++) {
            counts[call] = selector.select(SHAPE, random).length;
        }
        Statistics.assertPoissonMoments(counts, 0.1 * 3 * 4 * 4 * 1, "the count");
    }

    @Test
    void masksOutsideADimensionDoNotReduceTheRate() {
        // the reference counts the listed entries, here 3 of a dimension of 4, though only one exists
        int[] positions = create(Map.of("rate", 0.5, "poisson", false, "channel", List.of(3, 4, 5)))
                .select(SHAPE, new SplittableRandom(1));
        assertThat(positions).hasSize(96);
    }

    @Test
    void aRateOfExactlyOneTenthIsAccepted() {
        assertThat(create(Map.of("rate", 0.1, "poisson", false)).select(SHAPE, new SplittableRandom(1)))
                .hasSize(26);
    }

    @Test
    void distinctSelectionsDoNotRepeat() {
        int[] positions = create(Map.of("rate", 1, "poisson", false, "distinct", true, "d3", List.of(0)))
                .select(SHAPE, new SplittableRandom(3));
        assertThat(positions).hasSize(192).doesNotHaveDuplicates();
    }

    @Test
    void theRateIsRequiredAndMustLieInZeroToOne() {
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("channel", List.of(1))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/MissingParameter] rate: required parameter 'rate'");
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("rate", 2)))
                .hasMessageContaining("[config/OutOfRange] rate: must be in [0, 1], got 2");
    }
}
