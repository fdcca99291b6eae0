package dev.mrfi.core.experiment;

/**
 * One row of a bit-error-rate sweep.
 *
 * @param ber            the bit error rate; 0 for the golden (fault-free, quantized) row
 * @param rate           the first swept selector's rate: {@code ber} times {@code bitsPerValue}
 * @param bitsPerValue   the bits per value that turned the bit error rate into a rate
 * @param accuracy       the accuracy estimate over the trials that finished
 * @param failures       trials of this point that failed because a plugin failed
 * @param intervalMethod how {@code accuracy}'s interval was computed: {@code student-t} (over two or more
 *                       trials' accuracies), {@code wilson} (one trial's images), {@code wilson-pooled}
 *                       (every image of every trial, with statistical sizing) or {@code none} (skipped)
 * @param halfWidth      half the width of {@code accuracy}'s interval
 * @since 0.2
 */
public record BerPoint(double ber, double rate, int bitsPerValue, AccuracyEstimate accuracy, int failures,
                       String intervalMethod, double halfWidth) {

    /**
     * Makes a row whose interval is {@link AccuracyEstimate#of}'s: Student-t over two or more trials, Wilson
     * for one.
     *
     * @param ber          the bit error rate
     * @param rate         the rate
     * @param bitsPerValue the bits per value
     * @param accuracy     the estimate
     * @param failures     failed trials
     */
    public BerPoint(double ber, double rate, int bitsPerValue, AccuracyEstimate accuracy, int failures) {
        this(ber, rate, bitsPerValue, accuracy, failures, accuracy.repeats() == 0 ? "none"
                : accuracy.repeats() == 1 ? "wilson" : "student-t", (accuracy.high() - accuracy.low()) / 2);
    }
}
