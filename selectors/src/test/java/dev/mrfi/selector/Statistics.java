package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test statistics. Every test seeds its generator, so results are reproducible; the tolerances below are
 * what a correct sampler passes with overwhelming probability for any seed.
 */
final class Statistics {

    /** The standard normal quantile for a one-sided chi-square test at significance 1e-4. */
    private static final double Z_QUANTILE = 3.719;

    /** Means and variances must lie within this many standard errors of the truth. */
    static final double STANDARD_ERRORS = 5.0;

    private Statistics() {
    }

    static double mean(long[] values) {
        double sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    static double variance(long[] values) {
        double mean = mean(values);
        double sum = 0;
        for (long value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1);
    }

    /**
     * Asserts that draws have a Poisson distribution's mean and variance: each within
     * {@link #STANDARD_ERRORS} standard errors, using var(mean) = mu / N and
     * var(sample variance) = (mu + 2 mu^2) / N.
     */
    static void assertPoissonMoments(long[] draws, double mu, String what) {
        double meanError = Math.sqrt(mu / draws.length);
        double varianceError = Math.sqrt((mu + 2 * mu * mu) / draws.length);
        assertThat(mean(draws)).as("mean of " + what).isCloseTo(mu,
                within(STANDARD_ERRORS * meanError));
        assertThat(variance(draws)).as("variance of " + what).isCloseTo(mu,
                within(STANDARD_ERRORS * varianceError));
    }

    static double chiSquare(long[] observed, double[] expected) {
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double difference = observed[i] - expected[i];
            sum += difference * difference / expected[i];
        }
        return sum;
    }

    /**
     * Returns the chi-square value that a correct sampler exceeds with probability 1e-4, by the
     * Wilson-Hilferty approximation (accurate to a few percent from 10 degrees of freedom).
     */
    static double chiSquareCritical(int degreesOfFreedom) {
        double k = degreesOfFreedom;
        double term = 1 - 2 / (9 * k) + Z_QUANTILE * Math.sqrt(2 / (9 * k));
        return k * term * term * term;
    }

    /** Asserts that every bucket is equally likely; buckets with a zero expectation are left out. */
    static void assertUniform(long[] counts, String what) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double[] expected = new double[counts.length];
        Arrays.fill(expected, (double) total / counts.length);
        assertThat(chiSquare(counts, expected)).as("chi-square of " + what + " against uniform")
                .isLessThan(chiSquareCritical(counts.length - 1));
    }

    /** Counts how often each flat index is chosen over {@code calls} seeded calls. */
    static long[] histogram(Selector selector, TensorShape shape, int calls, long seed) {
        long[] counts = new long[shape.size()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int call = 0; call < calls; call++) {
            for (int index : selector.select(shape, random)) {
                counts[index]++;
            }
        }
        return counts;
    }

    /** Builds a selector from raw parameters, as core would after validation. */
    static Selector create(SelectorProvider provider, Map<String, ?> raw) {
        return provider.create(provider.parameters().bind(raw));
    }
}
