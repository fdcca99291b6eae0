package dev.mrfi.selector;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.ValueTypes;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Parameters and constraints several selectors share, and the count drawn from a rate.
 */
final class SelectorParameters {

    private static final String RATE_DESCRIPTION = "Probability that each eligible element is chosen, in [0, 1]"
            + " (0 selects nothing); for a bit error rate in a bit-flip experiment, divide by the bit width.";

    /** A probability per element; 0 selects nothing and 1 is allowed. */
    static final Constraint<Double> PROBABILITY = new Constraint<>("in [0, 1]", v -> v >= 0 && v <= 1);

    /** Every entry of an index list is a valid (non-negative) index. */
    static final Constraint<List<Integer>> NON_NEGATIVE_INDICES =
            new Constraint<>("made of indices of at least 0", SelectorParameters::noneNegative);

    static final ParameterSpec<Boolean> DISTINCT = ParameterSpec.optional("distinct", ValueTypes.BOOLEAN, false,
            "When true the positions of one call are all different (drawn without replacement, at most as many as"
                    + " there are eligible positions); when false, as in the reference, they are drawn with"
                    + " replacement, so a duplicate can make the number of distinct faults smaller than the count.");

    static final ParameterSpec<Boolean> POISSON = ParameterSpec.optional("poisson", ValueTypes.BOOLEAN, true,
            "When true the number of positions is drawn from a Poisson distribution whose mean is the rate times"
                    + " the number of eligible positions; when false it is that product rounded half to even.");

    static final ParameterSpec<Boolean> PER_INSTANCE = ParameterSpec.optional("per_instance", ValueTypes.BOOLEAN,
            false, "When true n positions are drawn inside each instance of dimension 0 (n times the batch size"
                    + " in all, grouped by instance); when false n positions are drawn over the whole tensor.");

    private SelectorParameters() {
    }

    /**
     * Declares a count {@code n} of at least 0 with a default.
     *
     * @param defaultValue the default
     * @param description  one sentence
     * @return the spec
     */
    static ParameterSpec<Integer> count(int defaultValue, String description) {
        return ParameterSpec.optional("n", ValueTypes.INT, defaultValue, description)
                .constrainedBy(Constraint.intAtLeast(0));
    }

    /**
     * Declares a rate with a default.
     *
     * @param defaultValue the default
     * @return the spec
     */
    static ParameterSpec<Double> rate(double defaultValue) {
        return ParameterSpec.optional("rate", ValueTypes.FLOAT, defaultValue, RATE_DESCRIPTION)
                .constrainedBy(PROBABILITY);
    }

    /**
     * Declares a required rate.
     *
     * @return the spec
     */
    static ParameterSpec<Double> requiredRate() {
        return ParameterSpec.required("rate", ValueTypes.FLOAT, RATE_DESCRIPTION).constrainedBy(PROBABILITY);
    }

    /**
     * Returns how many positions to draw for an expected count.
     *
     * @param mean    the rate times the number of eligible positions
     * @param poisson true for a Poisson draw, false for the mean rounded half to even (Python's round)
     * @param random  the source of the Poisson draw
     * @return the count, at most {@link TensorShape#MAX_ELEMENTS}
     */
    static int countFor(double mean, boolean poisson, RandomGenerator random) {
        long count = poisson ? PoissonSampler.sample(mean, random) : (long) Math.rint(mean);
        return (int) Math.min(count, TensorShape.MAX_ELEMENTS);
    }

    private static boolean noneNegative(List<Integer> values) {
        for (int value : values) {
            if (value < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies a list to an array.
     *
     * @param values the list
     * @return a new array
     */
    static int[] toArray(List<Integer> values) {
        int[] array = new int[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
