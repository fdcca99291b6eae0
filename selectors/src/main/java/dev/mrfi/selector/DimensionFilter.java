package dev.mrfi.selector;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Which indices of each dimension are eligible: all of them, all but a mask, or only a selection. The
 * eligible positions of a tensor are the product of its dimensions' eligible indices. Immutable.
 *
 * <p>Nothing here is proportional to a dimension's size: a masked dimension maps the k-th eligible index
 * to an index by a binary search over the sorted mask.
 */
final class DimensionFilter {

    private final boolean masked;
    /** Per dimension: sorted distinct indices, or null when the dimension is free. */
    private final int[][] lists;
    /** Per masked dimension: {@code lists[d][j] - j}, non-decreasing, for the binary search. */
    private final int[][] shifted;

    /**
     * Creates the filter.
     *
     * @param masked true if the lists are masks, false if they are selections
     * @param lists  per dimension sorted distinct indices, or null; not modified later by the caller
     */
    DimensionFilter(boolean masked, int[][] lists) {
        this.masked = masked;
        this.lists = lists;
        this.shifted = new int[lists.length][];
        for (int dim = 0; dim < lists.length; dim++) {
            if (masked && lists[dim] != null) {
                shifted[dim] = new int[lists[dim].length];
                for (int j = 0; j < lists[dim].length; j++) {
                    shifted[dim][j] = lists[dim][j] - j;
                }
            }
        }
    }

    /**
     * Returns the eligible positions of a tensor. Lists for dimensions the tensor lacks are ignored, and
     * so are mask entries beyond a dimension's size.
     *
     * @param shape the tensor's shape
     * @return the eligible positions
     * @throws InjectionException if a selected index lies outside its dimension
     */
    Eligible over(TensorShape shape) {
        int rank = shape.rank();
        int[] counts = new int[rank];
        int[] maskLengths = new int[rank];
        long total = 1;
        for (int dim = 0; dim < rank; dim++) {
            int size = shape.dim(dim);
            int[] list = dim < lists.length ? lists[dim] : null;
            if (list == null) {
                counts[dim] = size;
            } else if (masked) {
                int inside = insertionPoint(list, size);
                maskLengths[dim] = inside;
                counts[dim] = size - inside;
            } else {
                int largest = list[list.length - 1];
                if (largest >= size) {
                    throw new InjectionException("selected index " + largest + " of dimension " + dim
                            + " is outside the tensor of shape " + shape + ", whose dimension " + dim
                            + " has size " + size + "; selected indices must be in [0, " + size + ")");
                }
                counts[dim] = list.length;
            }
            total *= counts[dim];
        }
        return new Eligible(shape, counts, maskLengths, (int) total);
    }

    /** Returns the number of entries of a sorted array below {@code limit}. */
    private static int insertionPoint(int[] sorted, int limit) {
        int found = Arrays.binarySearch(sorted, limit);
        return found >= 0 ? found : -found - 1;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int dim = 0; dim < lists.length; dim++) {
            if (lists[dim] != null) {
                text.append(text.length() == 0 ? "" : ", ").append('d').append(dim).append('=')
                        .append(Arrays.toString(lists[dim]));
            }
        }
        return text.toString();
    }

    /** The eligible positions of one tensor, numbered in row-major order. */
    final class Eligible {

        private final TensorShape shape;
        private final int[] counts;
        private final int[] maskLengths;
        private final int size;

        private Eligible(TensorShape shape, int[] counts, int[] maskLengths, int size) {
            this.shape = shape;
            this.counts = counts;
            this.maskLengths = maskLengths;
            this.size = size;
        }

        /**
         * Returns the number of eligible positions.
         *
         * @return at most the tensor's size
         */
        int size() {
            return size;
        }

        /**
         * Draws eligible positions uniformly.
         *
         * @param count    how many
         * @param distinct true to draw without replacement, at most {@link #size()}
         * @param random   the source of every draw
         * @return flat indices into the tensor
         */
        int[] draw(int count, boolean distinct, RandomGenerator random) {
            int[] positions = IndexSampler.draw(size, count, distinct, random);
            for (int i = 0; i < positions.length; i++) {
                positions[i] = flatIndex(positions[i]);
            }
            return positions;
        }

        /**
         * Returns the flat index of the k-th eligible position, counting in row-major order.
         *
         * @param ordinal an index in {@code [0, size())}
         * @return the flat index into the tensor
         */
        int flatIndex(int ordinal) {
            int rest = ordinal;
            int flat = 0;
            for (int dim = counts.length - 1; dim >= 0; dim--) {
                int k = rest % counts[dim];
                rest /= counts[dim];
                flat += index(dim, k) * shape.stride(dim);
            }
            return flat;
        }

        private int index(int dim, int k) {
            int[] list = dim < lists.length ? lists[dim] : null;
            if (list == null) {
                return k;
            }
            if (!masked) {
                return list[k];
            }
            // the k-th unmasked index is k plus the number of masks j with lists[j] - j <= k
            int low = 0;
            int high = maskLengths[dim];
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (shifted[dim][middle] <= k) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return k + low;
        }
    }
}
