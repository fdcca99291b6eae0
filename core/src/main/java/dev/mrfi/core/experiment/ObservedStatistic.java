package dev.mrfi.core.experiment;

import java.util.List;

/**
 * What one observer reported, as numbers with intervals over the trials.
 *
 * @param key      the observer's key: {@code fc3.0} for the first observer of {@code fc3}'s output,
 *                 {@code conv1.pre.0} for its input, {@code conv1.weight} for a weight
 * @param module   the module's full name
 * @param point    {@code input}, {@code output} or {@code weight:<name>}
 * @param observer the observer's plugin name, for example {@code MinMax}
 * @param values   the result flattened to numbers (one for {@code MaxAbs}, two for {@code MinMax});
 *                 empty when the result is not numeric
 */
public record ObservedStatistic(String key, String module, String point, String observer, List<ValueEstimate> values) {

    /** Copies the list. */
    public ObservedStatistic {
        values = List.copyOf(values);
    }

    /**
     * Returns the mean of the first number, the usual reading of a single-valued observer.
     *
     * @return the mean
     * @throws IllegalStateException if the observer reported no number
     */
    public double value() {
        if (values.isEmpty()) {
            throw new IllegalStateException("observer " + observer + " at " + key + " reported no number");
        }
        return values.get(0).mean();
    }
}
