package dev.mrfi.observer;

import static dev.mrfi.observer.Feed.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.testkit.ObserverContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new StdProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void isARootMeanSquareSoAConstantGivesItself() {
        Observer observer = Feed.create(provider());
        update(observer, TensorShape.of(2, 3), 5f, 5f, 5f, 5f, 5f, 5f);
        update(observer, 5f);
        assertThat(observer.result()).isEqualTo(5.0);
    }

    @Test
    void averagesPerTensorMeanSquaresWithoutWeightingBySize() {
        Observer observer = Feed.create(provider());
        update(observer, 1f);
        update(observer, 3f, -3f, 3f);
        assertThat((Double) observer.result()).isCloseTo(Math.sqrt(5.0), within(1e-15));
    }
}
