package dev.mrfi.core.experiment;

/**
 * The accuracy at one point of an experiment over some repeated trials, with a 95 % interval: a
 * Student-t interval over the trials when there are two or more, the Wilson score interval of the single
 * trial's counts otherwise.
 *
 * @param mean    mean accuracy over the trials
 * @param low     lower end of the 95 % interval
 * @param high    upper end of the 95 % interval
 * @param repeats number of trials; 0 when the point was skipped
 */
public record AccuracyEstimate(double mean, double low, double high, int repeats) {

    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    /** The estimate of a point that was not run (the reference's early stop leaves it at 0). */
    public static final AccuracyEstimate SKIPPED = new AccuracyEstimate(0, 0, 0, 0);

    /**
     * Estimates from trial results.
     *
     * @param correct correct predictions per trial
     * @param total   examples per trial
     * @return the estimate
     */
    public static AccuracyEstimate of(int[] correct, int total) {
        int n = correct.length;
        if (n == 0) {
            return SKIPPED;
        }
        double[] accuracy = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            accuracy[i] = (double) correct[i] / total;
            sum += accuracy[i];
        }
        double mean = sum / n;
        if (n == 1) {
            double z = 1.959963984540054;
            double p = accuracy[0];
            double denominator = 1 + z * z / total;
            double centre = (p + z * z / (2.0 * total)) / denominator;
            double half = z * Math.sqrt(p * (1 - p) / total + z * z / (4.0 * total * total)) / denominator;
            return new AccuracyEstimate(mean, Math.max(0, centre - half), Math.min(1, centre + half), 1);
        }
        double squares = 0;
        for (double a : accuracy) {
            squares += (a - mean) * (a - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double t = t975(n - 1);
        return new AccuracyEstimate(mean, Math.max(0, mean - t * standardError), Math.min(1, mean + t * standardError), n);
    }

    /** The 0.975 quantile of Student's t with the given degrees of freedom (the normal one beyond 30). */
    static double t975(int degreesOfFreedom) {
        return degreesOfFreedom <= T975.length ? T975[degreesOfFreedom - 1] : 1.959963984540054;
    }
}
