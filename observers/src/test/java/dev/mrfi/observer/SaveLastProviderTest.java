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

class SaveLastProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new SaveLastProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void keepsTheLastGoldenAndTheLastFaultyTensor() {
        Observer observer = Feed.create(provider());
        golden(observer, 1f, 2f);
        update(observer, 1f, 3f);
        golden(observer, TensorShape.of(1, 3), 4f, 5f, 6f);
        update(observer, TensorShape.of(1, 3), 4f, 0f, 6f);
        List<?> result = (List<?>) observer.result();
        assertThat(result).hasSize(2);
        assertThat((float[]) result.get(0)).containsExactly(4f, 5f, 6f);
        assertThat((float[]) result.get(1)).containsExactly(4f, 0f, 6f);
    }

    @Test
    void aMissingKindIsNull() {
        Observer observer = Feed.create(provider());
        update(observer, 1f, 3f);
        List<?> result = (List<?>) observer.result();
        assertThat(result.get(0)).isNull();
        assertThat((float[]) result.get(1)).containsExactly(1f, 3f);
        assertThat(observer.pairsWithGolden()).isFalse();
    }
}
