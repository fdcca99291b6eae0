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

class ShapeProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new ShapeProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void recordsTheShapeOfTheLastTensor() {
        Observer observer = Feed.create(provider());
        update(observer, TensorShape.of(2, 3), new float[6]);
        assertThat(observer.result()).isEqualTo(List.of(2, 3));
        golden(observer, TensorShape.of(1, 2, 1, 2, 1), new float[4]);
        assertThat(observer.result()).isEqualTo(List.of(1, 2, 1, 2, 1));
        update(observer, TensorShape.of(), 1f);
        assertThat(observer.result()).isEqualTo(List.of());
    }

    @Test
    void rejectsALengthThatDoesNotMatchTheShape() {
        Observer observer = Feed.create(provider());
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> observer.update(new float[6], 0, 5, TensorShape.of(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("length 5 does not match the tensor shape [2, 3] of 6 elements");
    }
}
