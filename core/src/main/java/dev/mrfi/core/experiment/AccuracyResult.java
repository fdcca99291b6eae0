package dev.mrfi.core.experiment;

import java.util.List;

/**
 * The accuracy of one kind of run, with its 95 % interval and what produced it.
 *
 * @param provenance the configuration, seed, number of images and repeats
 * @param accuracy   the estimate over the trials that finished
 * @param failures   trials that failed because a plugin failed
 */
public record AccuracyResult(Provenance provenance, AccuracyEstimate accuracy, int failures) {

    /**
     * Returns the result as one CSV row named by the experiment.
     *
     * @return columns {@code experiment,accuracy_mean,accuracy_low,accuracy_high,repeats,failures}
     */
    public ResultTable table() {
        return new ResultTable(List.of("experiment", "accuracy_mean", "accuracy_low", "accuracy_high", "repeats",
                "failures"), List.of(List.of(provenance.experiment(), Double.toString(accuracy.mean()),
                Double.toString(accuracy.low()), Double.toString(accuracy.high()),
                Integer.toString(accuracy.repeats()), Integer.toString(failures))));
    }
}
