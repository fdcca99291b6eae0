package dev.mrfi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract of observer providers. Observers are the one stateful operator: each instance belongs to
 * one site of one trial. So the operator the general contract checks (final fields, concurrent runs) is a
 * factory of fresh observers, and every run builds its own observer.
 *
 * <p>Every run feeds golden/faulty pairs, a golden tensor then the faulty tensor of the same input, of
 * several ranks including a scalar. The observer-specific checks: a fresh observer has no result (null, or
 * NaN for an observer that pairs with golden tensors), {@link Observer#reset()} makes an observer behave
 * as a fresh one, results have a documented type, observers read only the given range, never change the
 * tensors they are given and copy whatever they keep, empty tensors are accepted, and pairing observers
 * reject a faulty tensor without a golden one or of another shape.
 */
public abstract class ObserverContractTest extends ProviderContractTest<ObserverProvider> {

    private static final TensorShape[] SHAPES = {
        TensorShape.of(2, 3, 4), TensorShape.of(5), TensorShape.of(), TensorShape.of(1, 4, 1, 3),
    };

    @Override
    protected final Class<ObserverProvider> providerType() {
        return ObserverProvider.class;
    }

    /**
     * Returns a factory of fresh observers for {@code config}, a {@code Supplier<Observer>}.
     */
    @Override
    protected final Object createOperator(ObserverProvider provider, PluginConfig config) {
        return new FreshObservers(provider, config);
    }

    /**
     * Builds a fresh observer, feeds it the pairs of {@code seed} and returns its result with arrays turned
     * into lists.
     */
    @Override
    protected final Object runOnce(Object operator, long seed) {
        Observer observer = ((FreshObservers) operator).get();
        feed(observer, seed);
        return comparable(observer.result());
    }

    private record FreshObservers(ObserverProvider provider, PluginConfig config) implements Supplier<Observer> {
        @Override
        public Observer get() {
            return provider.create(config);
        }
    }

    private List<Observer> freshObservers() {
        List<Observer> observers = new ArrayList<>();
        for (Map<String, Object> raw : validConfigs()) {
            observers.add(provider().create(provider().parameters().bind(raw)));
        }
        return observers;
    }

    /** One input: a golden tensor and the faulty tensor of the same shape. */
    private record Pair(TensorShape shape, float[] golden, float[] faulty) {
    }

    private static List<Pair> pairs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Pair> pairs = new ArrayList<>();
        for (TensorShape shape : SHAPES) {
            float[] golden = new float[shape.size()];
            float[] faulty = new float[shape.size()];
            for (int i = 0; i < golden.length; i++) {
                golden[i] = (float) (random.nextGaussian() * 2.0);
                faulty[i] = i % 3 == 1 ? golden[i] + (float) random.nextDouble(-4.0, 4.0) : golden[i];
            }
            pairs.add(new Pair(shape, golden, faulty));
        }
        return pairs;
    }

    private static void feed(Observer observer, long seed) {
        for (Pair pair : pairs(seed)) {
            observer.updateGolden(pair.golden(), 0, pair.golden().length, pair.shape());
            observer.update(pair.faulty(), 0, pair.faulty().length, pair.shape());
        }
    }

    private static Object comparable(Object result) {
        if (result instanceof Number) {
            return ((Number) result).doubleValue();
        }
        if (result instanceof float[]) {
            List<Float> values = new ArrayList<>();
            for (float value : (float[]) result) {
                values.add(value);
            }
            return values;
        }
        if (result instanceof int[]) {
            List<Integer> values = new ArrayList<>();
            for (int value : (int[]) result) {
                values.add(value);
            }
            return values;
        }
        if (result instanceof List) {
            List<Object> values = new ArrayList<>();
            for (Object element : (List<?>) result) {
                values.add(comparable(element));
            }
            return values;
        }
        return result;
    }

    private static void assertNoResult(Observer observer, String when) {
        Object result = observer.result();
        if (observer.pairsWithGolden() && result instanceof Double && ((Double) result).isNaN()) {
            return;
        }
        assertThat(result).as("result " + when + " (null, or NaN for a pairing observer)").isNull();
    }

    @Test
    final void aFreshObserverHasNoResult() {
        for (Observer observer : freshObservers()) {
            assertNoResult(observer, "of a fresh " + observer.getClass().getSimpleName());
        }
    }

    @Test
    final void createBuildsANewObserverEachTime() {
        for (Map<String, Object> raw : validConfigs()) {
            PluginConfig config = provider().parameters().bind(raw);
            assertThat(provider().create(config)).isNotSameAs(provider().create(config));
        }
    }

    @Test
    final void resetMakesAnObserverBehaveAsAFreshOne() {
        for (Map<String, Object> raw : validConfigs()) {
            PluginConfig config = provider().parameters().bind(raw);
            Observer observer = provider().create(config);
            feed(observer, 3);
            observer.reset();
            assertNoResult(observer, "after reset under " + raw);
            if (observer.pairsWithGolden()) {
                TensorShape shape = TensorShape.of(2);
                assertThatThrownBy(() -> observer.update(new float[2], 0, 2, shape))
                        .as("a golden tensor waiting before reset is forgotten under " + raw)
                        .isInstanceOf(IllegalStateException.class);
            }
            feed(observer, 5);
            Observer fresh = provider().create(config);
            feed(fresh, 5);
            assertThat(comparable(observer.result())).as("result after reset and new data under " + raw)
                    .isEqualTo(comparable(fresh.result()));
        }
    }

    @Test
    final void resultsHaveADocumentedType() {
        for (Observer observer : freshObservers()) {
            feed(observer, 1);
            assertDocumentedType(observer.result(), observer.getClass().getSimpleName());
        }
    }

    private static void assertDocumentedType(Object result, String what) {
        assertThat(result == null || result instanceof Number || result instanceof float[]
                || result instanceof int[] || result instanceof List)
                .as("result of " + what + " is null, a Number, a float[], an int[] or a List: " + result).isTrue();
        if (result instanceof List) {
            for (Object element : (List<?>) result) {
                assertDocumentedType(element, what);
            }
        }
    }

    @Test
    final void onlyTheGivenRangeIsRead() {
        for (Map<String, Object> raw : validConfigs()) {
            PluginConfig config = provider().parameters().bind(raw);
            Observer padded = provider().create(config);
            for (Pair pair : pairs(9)) {
                int n = pair.golden().length;
                float[] golden = new float[n + 7];
                float[] faulty = new float[n + 3];
                Arrays.fill(golden, Float.NaN);
                Arrays.fill(faulty, Float.NaN);
                System.arraycopy(pair.golden(), 0, golden, 5, n);
                System.arraycopy(pair.faulty(), 0, faulty, 1, n);
                padded.updateGolden(golden, 5, n, pair.shape());
                padded.update(faulty, 1, n, pair.shape());
            }
            Observer plain = provider().create(config);
            feed(plain, 9);
            assertThat(comparable(padded.result())).as("result with offsets under " + raw)
                    .isEqualTo(comparable(plain.result()));
        }
    }

    @Test
    final void givenTensorsAreNeitherChangedNorKept() {
        for (Map<String, Object> raw : validConfigs()) {
            PluginConfig config = provider().parameters().bind(raw);
            Observer observer = provider().create(config);
            for (Pair pair : pairs(4)) {
                float[] golden = pair.golden().clone();
                float[] faulty = pair.faulty().clone();
                observer.updateGolden(golden, 0, golden.length, pair.shape());
                assertThat(golden).as("golden tensor after updateGolden").isEqualTo(pair.golden());
                Arrays.fill(golden, -123f);
                observer.update(faulty, 0, faulty.length, pair.shape());
                assertThat(faulty).as("faulty tensor after update").isEqualTo(pair.faulty());
                Arrays.fill(faulty, 321f);
            }
            Object result = comparable(observer.result());
            Observer reference = provider().create(config);
            feed(reference, 4);
            assertThat(result).as("result when the caller reuses its arrays under " + raw)
                    .isEqualTo(comparable(reference.result()));
            Object first = observer.result();
            scribble(first);
            assertThat(comparable(observer.result())).as("result after changing an earlier result under " + raw)
                    .isEqualTo(result);
        }
    }

    private static void scribble(Object result) {
        if (result instanceof float[]) {
            Arrays.fill((float[]) result, 99f);
        } else if (result instanceof int[]) {
            Arrays.fill((int[]) result, 99);
        } else if (result instanceof List) {
            for (Object element : (List<?>) result) {
                scribble(element);
            }
        }
    }

    @Test
    final void emptyTensorsAreAccepted() {
        for (Observer observer : freshObservers()) {
            TensorShape empty = TensorShape.of(2, 0, 3);
            observer.updateGolden(new float[0], 0, 0, empty);
            observer.update(new float[4], 2, 0, empty);
            feed(observer, 2);
            observer.updateGolden(new float[0], 0, 0, empty);
            observer.update(new float[0], 0, 0, empty);
            assertDocumentedType(observer.result(), observer.getClass().getSimpleName());
        }
    }

    @Test
    final void aPairingObserverRejectsAFaultyTensorWithoutAGoldenOne() {
        for (Observer observer : freshObservers()) {
            if (observer.pairsWithGolden()) {
                TensorShape shape = TensorShape.of(3);
                assertThatThrownBy(() -> observer.update(new float[3], 0, 3, shape))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("golden");
            }
        }
    }

    @Test
    final void aPairingObserverRejectsAFaultyTensorOfAnotherShape() {
        for (Observer observer : freshObservers()) {
            if (observer.pairsWithGolden()) {
                observer.updateGolden(new float[6], 0, 6, TensorShape.of(2, 3));
                TensorShape other = TensorShape.of(3, 2);
                assertThatThrownBy(() -> observer.update(new float[6], 0, 6, other))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("[3, 2]").hasMessageContaining("[2, 3]");
            }
        }
    }
}
