package dev.mrfi.core.experiment;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import java.util.ArrayList;
import java.util.List;

/**
 * How many injections a point of a campaign needs for a chosen margin of error at a chosen confidence, after
 * Leveugle et al., "Statistical fault injection: quantified error and confidence" (DATE 2009):
 * {@code n = N / (1 + e^2 (N - 1) / (t^2 p (1 - p)))} with the fault population {@code N}, the margin
 * {@code e}, the normal quantile {@code t} of the confidence and the worst case {@code p = 0.5}.
 *
 * <p>Here every image of a trial is one injection experiment (it sees that trial's faults and is classified
 * right or wrong), so a point needs {@code ceil(n / images)} trials, and its interval is the Wilson score
 * interval of the per-image correctness pooled over the point's trials. A point stops early once that
 * interval's half-width is at most the margin.
 *
 * @param margin     the margin of error {@code e}, a fraction in (0, 0.5)
 * @param confidence the confidence level, in [0.5, 0.9999]
 */
public record StatisticalSizing(double margin, double confidence) {

    /** The interval method's name, as written in the CSV's {@code interval_method} column. */
    public static final String METHOD = "wilson-pooled";

    /** Checks the ranges; see {@link #of} for the user-facing check. */
    public StatisticalSizing {
        if (!problems(margin, confidence, "margin", "confidence").isEmpty()) {
            throw new IllegalArgumentException("margin " + margin + " or confidence " + confidence + " out of range");
        }
    }

    /**
     * Checks a user's margin and confidence and reports every problem at once.
     *
     * @param margin         the margin of error
     * @param confidence     the confidence level
     * @param marginPath     where the margin came from, for example {@code --margin}
     * @param confidencePath where the confidence came from
     * @return the sizing
     * @throws ConfigurationException listing every value out of range
     */
    public static StatisticalSizing of(double margin, double confidence, String marginPath, String confidencePath) {
        List<ConfigProblem> problems = problems(margin, confidence, marginPath, confidencePath);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new StatisticalSizing(margin, confidence);
    }

    private static List<ConfigProblem> problems(double margin, double confidence, String marginPath,
                                                String confidencePath) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!(margin > 0 && margin < 0.5)) {
            problems.add(new ConfigProblem(ErrorId.OUT_OF_RANGE, marginPath, "must be in (0, 0.5), got " + margin
                    + (margin >= 1 && margin < 50 ? ". It is a fraction: for 1 % write 0.01" : "")));
        }
        if (!(confidence >= 0.5 && confidence <= 0.9999)) {
            problems.add(new ConfigProblem(ErrorId.OUT_OF_RANGE, confidencePath, "must be in [0.5, 0.9999], got "
                    + confidence + (confidence > 1 && confidence < 100 ? ". It is a fraction: for 95 % write 0.95"
                    : "")));
        }
        return problems;
    }

    /**
     * Returns the two-sided normal quantile of the confidence, {@code t} in the formula (1.96 for 0.95).
     *
     * @return the quantile
     */
    public double z() {
        double target = 0.5 + confidence / 2;
        double low = 0;
        double high = 10;
        for (int i = 0; i < 80; i++) {
            double mid = (low + high) / 2;
            if (normalCdf(mid) < target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    /** The standard normal distribution function for x >= 0, by Simpson's rule over the density. */
    private static double normalCdf(double x) {
        int steps = 4000;
        double h = x / steps;
        double sum = density(0) + density(x);
        for (int i = 1; i < steps; i++) {
            sum += density(i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return 0.5 + sum * h / 3;
    }

    private static double density(double x) {
        return Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    }

    /**
     * Returns the injections a population needs: Leveugle's {@code n} with {@code p = 0.5}, rounded up.
     *
     * @param population the fault population {@code N} (bits x positions x images), at least 1
     * @return the number of injections, at most {@code population}
     */
    public long injections(long population) {
        if (population < 1) {
            throw new IllegalArgumentException("population must be at least 1, got " + population);
        }
        double t = z();
        double n = population / (1 + margin * margin * (population - 1.0) / (t * t * 0.25));
        return Math.min(population, (long) Math.ceil(n - 1e-9));
    }

    /**
     * Returns the trials a point needs when every trial classifies {@code images} images.
     *
     * @param population the fault population
     * @param images     images per trial
     * @return {@code ceil(injections / images)}, at least 1
     */
    public int trials(long population, int images) {
        return (int) Math.max(1, (injections(population) + images - 1) / images);
    }

    /**
     * Returns the Wilson score interval of pooled successes.
     *
     * @param successes correct classifications over all the point's trials
     * @param total     classifications over all the point's trials
     * @param z         the normal quantile of the confidence, {@link #z()}
     * @return {low, high}; {0, 1} when total is 0
     */
    public static double[] wilson(long successes, long total, double z) {
        if (total == 0) {
            return new double[] {0, 1};
        }
        double p = (double) successes / total;
        double denominator = 1 + z * z / total;
        double centre = (p + z * z / (2.0 * total)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / total + z * z / (4.0 * total * total)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
