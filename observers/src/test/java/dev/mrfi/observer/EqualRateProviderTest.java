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

class EqualRateProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new EqualRateProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void averagesPerPairFractionsOfEqualValues() {
        Observer observer = Feed.create(provider());
        golden(observer, TensorShape.of(2, 2), 1f, 2f, 3f, 4f);
        update(observer, TensorShape.of(2, 2), 1f, 2f, 0f, 4f);
        golden(observer, 5f);
        update(observer, 6f);
        assertThat(observer.result()).isEqualTo((0.75 + 0.0) / 2);
    }

    @Test
    void comparesAsFloatsSoNaNEqualsNothingAndSignedZerosAreEqual() {
        Observer observer = Feed.create(provider());
        golden(observer, Float.NaN, 0f);
        update(observer, Float.NaN, -0f);
        assertThat(observer.result()).isEqualTo(0.5);
    }

    @Test
    void aShapeMismatchIsAnError() {
        Observer observer = Feed.create(provider());
        golden(observer, 1f, 2f);
        assertThatThrownBy(() -> update(observer, 1f, 2f, 3f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EqualRate got a faulty tensor of shape [3]");
    }
}
