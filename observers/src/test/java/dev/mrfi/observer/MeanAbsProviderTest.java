package dev.mrfi.observer;

import static dev.mrfi.observer.Feed.golden;
import static dev.mrfi.observer.Feed.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.testkit.ObserverContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeanAbsProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new MeanAbsProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void averagesPerTensorMeansWithoutWeightingBySize() {
        Observer observer = Feed.create(provider());
        update(observer, 1f);
        update(observer, 3f, -3f, 3f);
        assertThat(observer.result()).isEqualTo(2.0);
    }

    @Test
    void countsGoldenPassesAndMultiDimensionalTensors() {
        Observer observer = Feed.create(provider());
        golden(observer, TensorShape.of(2, 2), -1f, 1f, -1f, 1f);
        update(observer, TensorShape.of(1, 2, 1), 4f, -2f);
        assertThat(observer.result()).isEqualTo(2.0);
    }

    @Test
    void skipsEmptyTensors() {
        Observer observer = Feed.create(provider());
        update(observer);
        assertThat(observer.result()).isNull();
        update(observer, -5f);
        update(observer);
        assertThat(observer.result()).isEqualTo(5.0);
    }
}
