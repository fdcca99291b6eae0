package dev.mrfi.errormode;

import java.util.random.RandomGenerator;

/** Draws the set of bits a multi-bit fault flips, as a mask with one bit set per flipped position. */
final class BitPositions {

    private BitPositions() {
    }

    /**
     * Draws {@code count} positions out of {@code [0, width)}.
     *
     * @param random   the source of the draws
     * @param width    the number of bits, in [1, 64]
     * @param count    the number of positions, in [1, width]
     * @param adjacent false for a uniformly drawn set of distinct positions; true for a burst of
     *                 neighbouring positions whose lowest position is uniform over the places it fits
     * @return the mask of the drawn positions
     */
    static long draw(RandomGenerator random, int width, int count, boolean adjacent) {
        if (adjacent) {
            long burst = count == 64 ? -1L : (1L << count) - 1;
            return burst << random.nextInt(width - count + 1);
        }
        // Floyd's sampling: exactly count draws, every subset of size count equally likely
        long chosen = 0;
        for (int j = width - count; j < width; j++) {
            long candidate = 1L << random.nextInt(j + 1);
            chosen |= (chosen & candidate) == 0 ? candidate : 1L << j;
        }
        return chosen;
    }
}
