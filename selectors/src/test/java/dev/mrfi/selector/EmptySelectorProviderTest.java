package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.testkit.SelectorContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmptySelectorProviderTest extends SelectorContractTest {

    @Override
    protected SelectorProvider provider() {
        return new EmptySelectorProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void selectsNothing() {
        assertThat(Statistics.create(provider(), Map.of()).select(TensorShape.of(2, 3), new SplittableRandom(1)))
                .isEmpty();
    }
}
