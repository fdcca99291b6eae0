package dev.mrfi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of selector providers: every index lies inside the tensor, the same seed gives the same
 * selection, and the returned array belongs to the caller.
 *
 * <p>Runs every {@link #validConfigs()} entry on {@link #contractShape()}, a {@code [4, 3, 8, 8]} tensor
 * unless a subclass chooses another; sample configurations must fit that shape.
 */
public abstract class SelectorContractTest extends ProviderContractTest<SelectorProvider> {

    private static final TensorShape DEFAULT_SHAPE = TensorShape.of(4, 3, 8, 8);

    /**
     * Returns the shape the contract runs selectors on.
     *
     * @return {@code [4, 3, 8, 8]} unless overridden
     */
    protected TensorShape contractShape() {
        return DEFAULT_SHAPE;
    }

    @Override
    protected final Class<SelectorProvider> providerType() {
        return SelectorProvider.class;
    }

    @Override
    protected final Object createOperator(SelectorProvider provider, PluginConfig config) {
        return provider.create(config);
    }

    /**
     * Selects once on {@link #contractShape()} with a {@link SplittableRandom} seeded by {@code seed}.
     *
     * @return the flat indices as a {@code List<Integer>}, in the order returned
     */
    @Override
    protected final Object runOnce(Object operator, long seed) {
        int[] indices = ((Selector) operator).select(contractShape(), new SplittableRandom(seed));
        List<Integer> result = new ArrayList<>(indices.length);
        for (int index : indices) {
            result.add(index);
        }
        return result;
    }

    private List<Selector> sampleSelectors() {
        List<Selector> selectors = new ArrayList<>();
        for (Map<String, Object> raw : validConfigs()) {
            selectors.add(provider().create(provider().parameters().bind(raw)));
        }
        return selectors;
    }

    @Test
    final void everyIndexLiesInsideTheTensor() {
        int size = contractShape().size();
        for (Selector selector : sampleSelectors()) {
            for (long seed = 0; seed < 64; seed++) {
                int[] indices = selector.select(contractShape(), new SplittableRandom(seed));
                assertThat(indices).as("%s with seed %d on %s", selector, seed, contractShape()).isNotNull();
                for (int index : indices) {
                    assertThat(index).as("index chosen by %s with seed %d", selector, seed).isBetween(0, size - 1);
                }
            }
        }
    }

    @Test
    final void theSameSeedGivesTheSameSelection() {
        for (Selector selector : sampleSelectors()) {
            for (long seed = 0; seed < 8; seed++) {
                assertThat(runOnce(selector, seed)).as("%s with seed %d", selector, seed)
                        .isEqualTo(runOnce(selector, seed));
            }
        }
    }

    @Test
    final void theReturnedArrayBelongsToTheCaller() {
        for (Selector selector : sampleSelectors()) {
            int[] first = selector.select(contractShape(), new SplittableRandom(3));
            int[] expected = first.clone();
            Arrays.fill(first, -1);
            assertThat(selector.select(contractShape(), new SplittableRandom(3))).as("%s after its last result"
                    + " was overwritten", selector).containsExactly(expected);
        }
    }

    @Test
    final void aConfigWithoutParametersIsRejectedWhenSomeAreRequired() {
        boolean anyRequired = provider().parameters().specs().stream().anyMatch(spec -> spec.required());
        if (anyRequired) {
            assertThatThrownBy(() -> provider().parameters().bind(Map.of()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("config/MissingParameter");
        }
    }
}
