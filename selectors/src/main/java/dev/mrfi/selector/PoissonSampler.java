package dev.mrfi.selector;

import java.util.random.RandomGenerator;

/**
 * Draws Poisson-distributed counts in expected constant time for any mean.
 *
 * <p>Means below {@link #INVERSION_LIMIT} use inversion by sequential search, which takes about
 * {@code mean + 1} steps. Larger means use Hörmann's transformed rejection with squeeze (PTRS, "The
 * transformed rejection method for generating Poisson random variables", 1993), which needs about 1.1
 * pairs of uniforms per draw whatever the mean. Both are exact: no normal approximation is involved.
 */
final class PoissonSampler {

    /** The mean from which transformed rejection is used; Hörmann states PTRS for means of 10 and more. */
    static final double INVERSION_LIMIT = 10.0;

    private static final int FACTORIAL_TABLE_SIZE = 256;
    private static final double[] LOG_FACTORIAL = logFactorials(FACTORIAL_TABLE_SIZE);
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private PoissonSampler() {
    }

    /**
     * Draws one count.
     *
     * @param mean   the mean, finite and at least 0
     * @param random the source of uniforms
     * @return a count, at least 0
     * @throws IllegalArgumentException if the mean is negative, infinite or NaN
     */
    static long sample(double mean, RandomGenerator random) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and at least 0, got " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        return mean < INVERSION_LIMIT ? byInversion(mean, random) : byTransformedRejection(mean, random);
    }

    private static long byInversion(double mean, RandomGenerator random) {
        double start = Math.exp(-mean);
        while (true) {
            double u = random.nextDouble();
            long k = 0;
            double probability = start;
            double cumulative = probability;
            while (u >= cumulative && probability > 0) {
                k++;
                probability *= mean / k;
                cumulative += probability;
            }
            // Rounding can leave the cumulative sum just below u near 1; the tail has then underflowed,
            // so draw again rather than return a count from beyond the representable tail.
            if (u < cumulative) {
                return k;
            }
        }
    }

    private static long byTransformedRejection(double mean, RandomGenerator random) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        double squeezeLimit = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double distance = 0.5 - Math.abs(u);
            if (distance <= 0) {
                continue;
            }
            double k = Math.floor((2 * a / distance + b) * u + mean + 0.43);
            if (distance >= 0.07 && v <= squeezeLimit) {
                return (long) k;
            }
            if (k < 0 || (distance < 0.013 && v > distance)) {
                continue;
            }
            double logHat = Math.log(v) + logInverseAlpha - Math.log(a / (distance * distance) + b);
            if (logHat <= -mean + k * logMean - logFactorial(k)) {
                return (long) k;
            }
        }
    }

    /**
     * Returns {@code ln(k!)}: from a table for small k, from Stirling's series (error below 1e-19 there)
     * beyond it.
     *
     * @param k a whole number, at least 0
     * @return the logarithm of its factorial
     */
    static double logFactorial(double k) {
        if (k < FACTORIAL_TABLE_SIZE) {
            return LOG_FACTORIAL[(int) k];
        }
        double inverse = 1 / k;
        double inverseSquared = inverse * inverse;
        double series = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared
                * (1.0 / 1260 - inverseSquared / 1680)));
        return (k + 0.5) * Math.log(k) - k + HALF_LOG_TWO_PI + series;
    }

    private static double[] logFactorials(int size) {
        double[] table = new double[size];
        for (int k = 2; k < size; k++) {
            table[k] = table[k - 1] + Math.log(k);
        }
        return table;
    }
}
