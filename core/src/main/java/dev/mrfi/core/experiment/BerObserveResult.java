package dev.mrfi.core.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Observer results along a bit error rate sweep ({@code BER_observe_experiment}).
 *
 * @param provenance the configuration, seed, number of images and repeats per point
 * @param points     one per bit error rate, in the order asked
 */
public record BerObserveResult(Provenance provenance, List<Point> points) {

    /** Copies the list. */
    public BerObserveResult {
        points = List.copyOf(points);
    }

    /**
     * The observers at one bit error rate.
     *
     * @param ber      the bit error rate
     * @param rate     the first swept selector's rate: {@code ber} times the bits per value
     * @param observed the observers' results at this point
     */
    public record Point(double ber, double rate, ObserveResult observed) {
    }

    /**
     * Returns the sweep as CSV rows, one per BER and number an observer reported.
     *
     * @return columns {@code ber,rate,} then those of {@link ObserveResult#table()}
     */
    public ResultTable table() {
        List<String> header = new ArrayList<>(List.of("ber", "rate"));
        header.addAll(ObserveResult.HEADER);
        List<List<String>> rows = new ArrayList<>();
        for (Point point : points) {
            rows.addAll(point.observed().rows(List.of(Double.toString(point.ber()), Double.toString(point.rate()))));
        }
        return new ResultTable(header, rows);
    }
}
