package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonSamplerTest {

    private static final int DRAWS = 200_000;

    private static long[] draws(double mu, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] draws = new long[count];
        for (int i = 0; i < count; i++) {
            draws[i] = PoissonSampler.sample(mu, random);
        }
        return draws;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 5, 9.99, 10, 30, 100, 1e4})
    void meanAndVarianceMatchThePoissonDistribution(double mu) {
        Statistics.assertPoissonMoments(draws(mu, DRAWS, 42), mu, "Poisson(" + mu + ")");
    }

    @Test
    void hugeMeansKeepTheirMeanAndVarianceWithoutSlowingDown() {
        double mu = 2e9;
        Statistics.assertPoissonMoments(draws(mu, 20_000, 7), mu, "Poisson(2e9)");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 5, 10, 12.5, 100, 1e4})
    void frequenciesFollowTheProbabilityMassFunction(double mu) {
        long[] draws = draws(mu, DRAWS, 11);
        // buckets: each k with an expectation of at least 20 draws, plus one bucket for each tail
        int low = 0;
        while (pmf(mu, low) * DRAWS < 20) {
            low++;
        }
        int high = low;
        while (pmf(mu, high + 1) * DRAWS >= 20) {
            high++;
        }
        long[] observed = new long[high - low + 3];
        double[] expected = new double[observed.length];
        for (long draw : draws) {
            int bucket = draw < low ? 0 : draw > high ? observed.length - 1 : (int) (draw - low) + 1;
            observed[bucket]++;
        }
        double inside = 0;
        for (int k = low; k <= high; k++) {
            expected[k - low + 1] = pmf(mu, k) * DRAWS;
            inside += pmf(mu, k);
        }
        double below = 0;
        for (int k = 0; k < low; k++) {
            below += pmf(mu, k);
        }
        expected[0] = Math.max(below * DRAWS, 1e-9);
        expected[observed.length - 1] = Math.max((1 - inside - below) * DRAWS, 1e-9);
        assertThat(Statistics.chiSquare(observed, expected)).as("chi-square for Poisson(" + mu + ")")
                .isLessThan(Statistics.chiSquareCritical(observed.length - 1));
    }

    private static double pmf(double mu, int k) {
        return Math.exp(-mu + k * Math.log(mu) - PoissonSampler.logFactorial(k));
    }

    @Test
    void aZeroMeanGivesZeroWithoutDrawing() {
        SplittableRandom random = new SplittableRandom(1);
        long before = new SplittableRandom(1).nextLong();
        assertThat(PoissonSampler.sample(0, random)).isZero();
        assertThat(random.nextLong()).as("generator untouched").isEqualTo(before);
    }

    @Test
    void rejectsMeansThatAreNotFiniteAndNonNegative() {
        SplittableRandom random = new SplittableRandom(1);
        for (double mu : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PoissonSampler.sample(mu, random)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void logFactorialMatchesTheSumOfLogarithmsOnBothSidesOfTheTable() {
        double sum = 0;
        for (int k = 1; k <= 5000; k++) {
            sum += Math.log(k);
            assertThat(PoissonSampler.logFactorial(k)).as("ln %d!", k).isCloseTo(sum, within(1e-9 * Math.max(1, sum)));
        }
        assertThat(PoissonSampler.logFactorial(0)).isZero();
    }
}
