package dev.mrfi.core.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A bit error rate sweep with what produced it.
 *
 * @param provenance the configuration, seed, number of images and repeats per point
 * @param points     one row per bit error rate, the golden row (BER 0) first
 */
public record BerSweepResult(Provenance provenance, List<BerPoint> points) {

    /** Copies the list. */
    public BerSweepResult {
        points = List.copyOf(points);
    }

    /**
     * Returns the sweep as CSV rows.
     *
     * @return columns {@code ber,rate,bits_per_value,accuracy_mean,accuracy_low,accuracy_high,repeats,failures}
     */
    public ResultTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (BerPoint point : points) {
            rows.add(List.of(Double.toString(point.ber()), Double.toString(point.rate()),
                    Integer.toString(point.bitsPerValue()), Double.toString(point.accuracy().mean()),
                    Double.toString(point.accuracy().low()), Double.toString(point.accuracy().high()),
                    Integer.toString(point.accuracy().repeats()), Integer.toString(point.failures())));
        }
        return new ResultTable(List.of("ber", "rate", "bits_per_value", "accuracy_mean", "accuracy_low",
                "accuracy_high", "repeats", "failures"), rows);
    }
}
