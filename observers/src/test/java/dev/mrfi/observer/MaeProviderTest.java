package dev.mrfi.observer;

import static dev.mrfi.observer.Feed.golden;
import static dev.mrfi.observer.Feed.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.testkit.ObserverContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaeProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new MaeProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void isTheMeanOfPerPairMeanAbsoluteErrors() {
        Observer observer = Feed.create(provider());
        golden(observer, 1f, 2f, 3f);
        update(observer, 1f, 2f, 5f);
        golden(observer, TensorShape.of(1, 1), 0f);
        update(observer, TensorShape.of(1, 1), -4f);
        assertThat(observer.result()).isEqualTo((2.0 / 3 + 4.0) / 2);
    }

    @Test
    void needsAGoldenTensorBeforeEachFaultyOne() {
        Observer observer = Feed.create(provider());
        assertThatThrownBy(() -> update(observer, 1f))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("MAE compares each faulty tensor with the golden tensor");
        assertThat((Double) observer.result()).isNaN();
    }
}
