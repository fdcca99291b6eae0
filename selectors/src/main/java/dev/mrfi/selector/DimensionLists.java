package dev.mrfi.selector;

import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-dimension index lists of the masked- and selected-dimension selectors, under the reference's
 * aliases ({@code instance}, {@code channel}, ...) plus {@code d4} to {@code d7} for tensors of higher
 * rank.
 */
final class DimensionLists {

    /** How many dimensions can be constrained; further dimensions are always free. */
    static final int DIMENSIONS = 8;

    private static final List<List<String>> ALIASES = List.of(
            List.of("instance", "out_channel", "d0", "out"),
            List.of("in_channel", "channel", "d1", "in", "neuron"),
            List.of("height", "d2"),
            List.of("width", "d3"),
            List.of("d4"), List.of("d5"), List.of("d6"), List.of("d7"));

    private static final List<String> ROLES = List.of(
            " (the instance, or the output channel of a weight)",
            " (the channel or neuron, or the input channel of a weight)",
            " (the height)", " (the width)", "", "", "", "");

    /** The mask lists, per dimension in alias order. */
    static final List<List<ParameterSpec<List<Integer>>>> MASKS = declare(true);

    /** The selection lists, per dimension in alias order. */
    static final List<List<ParameterSpec<List<Integer>>>> SELECTIONS = declare(false);

    private DimensionLists() {
    }

    private static List<List<ParameterSpec<List<Integer>>>> declare(boolean masked) {
        List<List<ParameterSpec<List<Integer>>>> all = new ArrayList<>();
        for (int dim = 0; dim < DIMENSIONS; dim++) {
            List<String> aliases = ALIASES.get(dim);
            String meaning = masked ? " that are never chosen, an empty list masking nothing"
                    : " that positions are drawn from, an empty list meaning all of them";
            String precedence = aliases.size() == 1 ? "" : "; the first non-empty of "
                    + String.join(", ", aliases.subList(0, aliases.size() - 1)) + " and "
                    + aliases.get(aliases.size() - 1) + " is used";
            String description = "Indices of dimension " + dim + ROLES.get(dim) + meaning + precedence
                    + "; ignored when the tensor has no dimension " + dim + ".";
            List<ParameterSpec<List<Integer>>> specs = new ArrayList<>();
            for (String alias : aliases) {
                specs.add(ParameterSpec.optionalWithoutDefault(alias, ValueTypes.INT_LIST, description)
                        .constrainedBy(SelectorParameters.NON_NEGATIVE_INDICES));
            }
            all.add(List.copyOf(specs));
        }
        return List.copyOf(all);
    }

    /**
     * Returns every spec of one use, dimension by dimension in alias order.
     *
     * @param perDimension {@link #MASKS} or {@link #SELECTIONS}
     * @return the specs, flattened
     */
    static List<ParameterSpec<?>> flatten(List<List<ParameterSpec<List<Integer>>>> perDimension) {
        List<ParameterSpec<?>> specs = new ArrayList<>();
        perDimension.forEach(specs::addAll);
        return specs;
    }

    /**
     * Reads the list of every dimension: the first non-empty alias wins, an empty list counts as absent.
     *
     * @param config       validated parameters
     * @param perDimension {@link #MASKS} or {@link #SELECTIONS}
     * @return per dimension the sorted distinct indices, or null when none were given
     */
    static int[][] resolve(PluginConfig config, List<List<ParameterSpec<List<Integer>>>> perDimension) {
        int[][] lists = new int[DIMENSIONS][];
        for (int dim = 0; dim < DIMENSIONS; dim++) {
            for (ParameterSpec<List<Integer>> spec : perDimension.get(dim)) {
                if (config.has(spec) && !config.get(spec).isEmpty()) {
                    lists[dim] = Arrays.stream(SelectorParameters.toArray(config.get(spec))).sorted().distinct()
                            .toArray();
                    break;
                }
            }
        }
        return lists;
    }
}
