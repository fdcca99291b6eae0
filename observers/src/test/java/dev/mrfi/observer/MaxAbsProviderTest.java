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

class MaxAbsProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new MaxAbsProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void takesTheLargestAbsoluteValueGoldenPassesIncluded() {
        Observer observer = Feed.create(provider());
        update(observer, TensorShape.of(1, 3), 2f, -7f, 3f);
        update(observer, 5f);
        assertThat(observer.result()).isEqualTo(7.0);
        golden(observer, -100f);
        assertThat(observer.result()).isEqualTo(100.0);
    }

    @Test
    void aNaNMakesItNaN() {
        Observer observer = Feed.create(provider());
        update(observer, 1f, Float.NaN);
        update(observer, 3f);
        assertThat((Double) observer.result()).isNaN();
    }
}
