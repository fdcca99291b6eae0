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

class MinMaxProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new MinMaxProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void coversEveryTensorGoldenPassesIncluded() {
        Observer observer = Feed.create(provider());
        update(observer, TensorShape.of(2, 2), 1f, -2f, 3f, 0f);
        golden(observer, 7f);
        update(observer, 5f, -1f);
        assertThat(observer.result()).isEqualTo(List.of(-2.0, 7.0));
    }

    @Test
    void aNaNMakesBothNaN() {
        Observer observer = Feed.create(provider());
        update(observer, 1f, Float.NaN, 3f);
        update(observer, 4f);
        assertThat(observer.result()).isEqualTo(List.of(Double.NaN, Double.NaN));
    }

    @Test
    void emptyTensorsLeaveNoResult() {
        Observer observer = Feed.create(provider());
        update(observer);
        assertThat(observer.result()).isNull();
    }
}
