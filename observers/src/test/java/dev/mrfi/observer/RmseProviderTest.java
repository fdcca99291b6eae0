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

class RmseProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new RmseProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of());
    }

    @Test
    void isTheRootOfTheMeanSquaredError() {
        Observer observer = Feed.create(provider());
        golden(observer, 1f, 2f, 3f);
        update(observer, 1f, 2f, 5f);
        assertThat(observer.result()).isEqualTo(Math.sqrt(4.0 / 3.0));
    }

    @Test
    void averagesPerPairErrorsWithoutWeightingBySize() {
        Observer observer = Feed.create(provider());
        golden(observer, 0f);
        update(observer, 2f);
        golden(observer, TensorShape.of(2, 2), 0f, 0f, 0f, 0f);
        update(observer, TensorShape.of(2, 2), 0f, 0f, 0f, 4f);
        assertThat(observer.result()).isEqualTo(Math.sqrt((4.0 + 4.0) / 2));
    }

    @Test
    void aFaultyTensorConsumesItsGoldenTensor() {
        Observer observer = Feed.create(provider());
        golden(observer, 1f);
        update(observer, 1f);
        assertThatThrownBy(() -> update(observer, 1f))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("RMSE compares each faulty tensor with the golden tensor passed just before it, but got"
                        + " a faulty tensor of shape [1] with no golden tensor waiting. Run a golden pass before"
                        + " every faulty pass.");
    }

    @Test
    void theLatestGoldenTensorIsTheOneCompared() {
        Observer observer = Feed.create(provider());
        golden(observer, 9f, 9f);
        golden(observer, 1f, 1f);
        update(observer, 1f, 3f);
        assertThat(observer.result()).isEqualTo(Math.sqrt(2.0));
    }

    @Test
    void aShapeMismatchIsAnErrorAndKeepsTheGoldenTensorWaiting() {
        Observer observer = Feed.create(provider());
        golden(observer, TensorShape.of(2, 3), 1f, 1f, 1f, 1f, 1f, 1f);
        assertThatThrownBy(() -> update(observer, TensorShape.of(6), 1f, 1f, 1f, 1f, 1f, 1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RMSE got a faulty tensor of shape [6] but the golden tensor before it has shape [2, 3]."
                        + " Both passes must see the same input.");
        update(observer, TensorShape.of(2, 3), 1f, 1f, 1f, 1f, 1f, 3f);
        assertThat(observer.result()).isEqualTo(Math.sqrt(4.0 / 6));
    }

    @Test
    void isNaNWithoutPairsAsInTheReference() {
        Observer observer = Feed.create(provider());
        golden(observer, 1f);
        assertThat((Double) observer.result()).isNaN();
        golden(observer);
        update(observer);
        assertThat((Double) observer.result()).isNaN();
    }
}
