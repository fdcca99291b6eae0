package dev.mrfi.selector;

import java.util.List;

/**
 * The value of {@code FixPositions.positions}: flat indices, or the reference's per-dimension form.
 */
sealed interface PositionList {

    /**
     * Tells whether every index is at least 0.
     *
     * @return true if no index is negative
     */
    boolean noneNegative();

    /**
     * Flat row-major indices.
     *
     * @param indices the indices, unmodifiable
     */
    record Flat(List<Integer> indices) implements PositionList {

        @Override
        public boolean noneNegative() {
            return indices.stream().allMatch(i -> i >= 0);
        }

        @Override
        public String toString() {
            return indices.toString();
        }
    }

    /**
     * One list per dimension, all of the same length: entry i of every list together is point i, so
     * {@code [[0, 1], [2, 3]]} means the points (0, 2) and (1, 3).
     *
     * @param lists the lists, outermost dimension first, unmodifiable
     */
    record PerDimension(List<List<Integer>> lists) implements PositionList {

        @Override
        public boolean noneNegative() {
            return lists.stream().allMatch(list -> list.stream().allMatch(i -> i >= 0));
        }

        /**
         * Tells whether every list has the same length.
         *
         * @return true if the lists form a rectangle
         */
        boolean rectangular() {
            return lists.stream().mapToInt(List::size).distinct().count() <= 1;
        }

        /**
         * Returns the number of points.
         *
         * @return the common length of the lists
         */
        int points() {
            return lists.isEmpty() ? 0 : lists.get(0).size();
        }

        @Override
        public String toString() {
            return lists.toString();
        }
    }
}
