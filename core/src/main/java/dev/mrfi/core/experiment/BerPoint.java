package dev.mrfi.core.experiment;

/**
 * One row of a bit-error-rate sweep.
 *
 * @param ber      the bit error rate; 0 for the golden (fault-free, quantized) row
 * @param rate     the selector rate used: {@code ber} times the bit width of the faulted values
 * @param accuracy the accuracy estimate over the trials that finished
 * @param failures trials of this point that failed because a plugin failed
 */
public record BerPoint(double ber, double rate, AccuracyEstimate accuracy, int failures) {
}
