package dev.mrfi.core.experiment;

/**
 * One row of a bit-error-rate sweep.
 *
 * @param ber          the bit error rate; 0 for the golden (fault-free, quantized) row
 * @param rate         the first swept selector's rate: {@code ber} times {@code bitsPerValue}
 * @param bitsPerValue the bits per value that turned the bit error rate into a rate
 * @param accuracy     the accuracy estimate over the trials that finished
 * @param failures     trials of this point that failed because a plugin failed
 */
public record BerPoint(double ber, double rate, int bitsPerValue, AccuracyEstimate accuracy, int failures) {
}
