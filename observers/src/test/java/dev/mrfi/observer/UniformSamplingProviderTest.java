package dev.mrfi.observer;

import static dev.mrfi.observer.Feed.golden;
import static dev.mrfi.observer.Feed.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.testkit.ObserverContractTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UniformSamplingProviderTest extends ObserverContractTest {

    @Override
    protected ObserverProvider provider() {
        return new UniformSamplingProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of(), Map.of("max_num", 5, "seed", 42), Map.of("max_num", 1, "seed", -7));
    }

    private Observer sampler(int maxNum, int seed) {
        return Feed.create(provider(), Map.of("max_num", maxNum, "seed", seed));
    }

    /** Values start, start + 1, ... laid out in the given shape. */
    private static void feedCounting(Observer observer, TensorShape shape, int start) {
        float[] values = new float[shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = start + i;
        }
        observer.update(values, 0, values.length, shape);
    }

    private static float[] sample(Observer observer) {
        return (float[]) observer.result();
    }

    @Test
    void keepsEveryValueInOrderWhileFewerThanMaxNumWereSeen() {
        Observer observer = sampler(100, 0);
        feedCounting(observer, TensorShape.of(2, 3, 5), 0);
        feedCounting(observer, TensorShape.of(4, 5), 30);
        float[] expected = new float[50];
        for (int i = 0; i < 50; i++) {
            expected[i] = i;
        }
        assertThat(sample(observer)).containsExactly(expected);
    }

    @Test
    void keepsExactlyMinOfMaxNumAndSeenDistinctSeenValuesForAnyRank() {
        Observer observer = sampler(100, 3);
        TensorShape[] shapes = {TensorShape.of(3, 4, 5), TensorShape.of(2, 1, 3, 2), TensorShape.of(),
            TensorShape.of(7, 7), TensorShape.of(0, 4), TensorShape.of(1000)};
        int seen = 0;
        for (TensorShape shape : shapes) {
            feedCounting(observer, shape, seen);
            seen += shape.size();
            float[] sample = sample(observer);
            assertThat(sample).as("sample after " + seen + " values").hasSize(Math.min(100, seen));
            Set<Float> distinct = new HashSet<>();
            for (float value : sample) {
                assertThat(value).isBetween(0f, seen - 1f);
                distinct.add(value);
            }
            assertThat(distinct).as("no value is sampled twice").hasSize(sample.length);
        }
    }

    @Test
    void goldenPassesAreSampledToo() {
        Observer observer = sampler(10, 0);
        golden(observer, 1f, 2f);
        update(observer, 3f);
        assertThat(sample(observer)).containsExactly(1f, 2f, 3f);
    }

    @Test
    void theSeedMakesTheSampleReproducible() {
        Observer a = sampler(20, 11);
        Observer b = sampler(20, 11);
        Observer c = sampler(20, 12);
        for (Observer observer : List.of(a, b, c)) {
            feedCounting(observer, TensorShape.of(10, 50), 0);
            feedCounting(observer, TensorShape.of(5, 5, 5), 500);
        }
        assertThat(sample(a)).containsExactly(sample(b));
        assertThat(sample(a)).isNotEqualTo(sample(c));
    }

    /**
     * 100 values in tensors of ranks 1, 0, 3 and 1, a sample of 10, 20,000 seeds: each value should be in
     * 2,000 samples (probability 0.1). Tolerances: every count within 5 standard deviations (212); the
     * chi-square statistic over the 100 counts (99 degrees of freedom) below 160, which a uniform sampler
     * exceeds with probability about 1e-4; and the joint inclusion of the first and the last value,
     * expected 20,000 * (10 * 9) / (100 * 99) = 181.8 times, within 5 standard deviations (67). The seeds
     * are fixed, so the outcome is deterministic.
     */
    @Test
    void everyValueIsEquallyLikelyToBeKept() {
        int trials = 20_000;
        int values = 100;
        int maxNum = 10;
        int[] counts = new int[values];
        int firstAndLast = 0;
        for (int seed = 0; seed < trials; seed++) {
            Observer observer = sampler(maxNum, seed);
            feedCounting(observer, TensorShape.of(7), 0);
            feedCounting(observer, TensorShape.of(), 7);
            feedCounting(observer, TensorShape.of(2, 3, 5), 8);
            feedCounting(observer, TensorShape.of(62), 38);
            float[] sample = sample(observer);
            assertThat(sample).hasSize(maxNum);
            boolean first = false;
            boolean last = false;
            for (float value : sample) {
                counts[(int) value]++;
                first |= value == 0f;
                last |= value == values - 1;
            }
            firstAndLast += first && last ? 1 : 0;
        }
        double expected = (double) trials * maxNum / values;
        double sd = Math.sqrt(expected * (1 - (double) maxNum / values));
        double chiSquare = 0;
        for (int value = 0; value < values; value++) {
            assertThat((double) counts[value]).as("samples holding value " + value)
                    .isBetween(expected - 5 * sd, expected + 5 * sd);
            chiSquare += (counts[value] - expected) * (counts[value] - expected) / expected;
        }
        assertThat(chiSquare).as("chi-square over %d values", values).isLessThan(160.0);
        double pairExpected = trials * (maxNum * (maxNum - 1.0)) / (values * (values - 1.0));
        double pairSd = Math.sqrt(pairExpected);
        assertThat((double) firstAndLast).as("samples holding the first and the last value")
                .isBetween(pairExpected - 5 * pairSd, pairExpected + 5 * pairSd);
    }

    /**
     * A longer stream, where most values are skipped: 10,000 values in tensors of 1,000, a sample of 10,
     * 5,000 seeds. Each block of 1,000 consecutive values should supply 5,000 sampled values in all (a
     * tenth of 50,000); tolerance 5 % (250), about 3.7 standard deviations of the binomial bound.
     */
    @Test
    void longStreamsAreSampledEvenly() {
        int trials = 5_000;
        int[] perBlock = new int[10];
        for (int seed = 0; seed < trials; seed++) {
            Observer observer = sampler(10, seed);
            for (int block = 0; block < 10; block++) {
                feedCounting(observer, TensorShape.of(10, 10, 10), block * 1000);
            }
            for (float value : sample(observer)) {
                perBlock[(int) value / 1000]++;
            }
        }
        for (int block = 0; block < 10; block++) {
            assertThat(perBlock[block]).as("values sampled from block " + block).isBetween(4750, 5250);
        }
    }

    @Test
    void aMillionValuesWithASmallSampleStayCheap() {
        Observer observer = sampler(3, 0);
        feedCounting(observer, TensorShape.of(1000, 1000), 0);
        assertThat(sample(observer)).hasSize(3);
    }

    @Test
    void maxNumMustBePositive() {
        assertThatThrownBy(() -> provider().parameters().bind(Map.of("max_num", 0)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/OutOfRange] max_num: must be in [1, 2147483639], got 0");
    }
}
