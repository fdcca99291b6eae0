package dev.mrfi.core.experiment;

/**
 * One number an observer reported, over repeated trials, with a 95 % Student-t interval. A single trial
 * gives an interval of zero width: the number is then exact for the data, not an estimate.
 *
 * @param mean    the mean over the trials; NaN if any trial reported NaN
 * @param low     lower end of the 95 % interval
 * @param high    upper end of the 95 % interval
 * @param repeats the number of trials
 */
public record ValueEstimate(double mean, double low, double high, int repeats) {

    /**
     * Estimates from the values of the trials.
     *
     * @param samples one value per trial, at least one
     * @return the estimate
     */
    public static ValueEstimate of(double[] samples) {
        int n = samples.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double sum = 0;
        for (double sample : samples) {
            sum += sample;
        }
        double mean = sum / n;
        if (n == 1) {
            return new ValueEstimate(mean, mean, mean, 1);
        }
        double squares = 0;
        for (double sample : samples) {
            squares += (sample - mean) * (sample - mean);
        }
        double half = AccuracyEstimate.t975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new ValueEstimate(mean, mean - half, mean + half, n);
    }
}
