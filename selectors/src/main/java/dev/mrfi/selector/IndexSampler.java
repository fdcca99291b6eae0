package dev.mrfi.selector;

import dev.mrfi.api.InjectionException;
import java.util.random.RandomGenerator;

/**
 * Draws uniform indices in {@code [0, bound)}, with or without replacement, in time and memory
 * proportional to the number drawn.
 */
final class IndexSampler {

    /** Above this share of the bound, a bit set (bound / 8 bytes) is smaller than a hash set. */
    private static final int BIT_SET_DIVISOR = 64;

    /**
     * The most positions one call draws with replacement, unless the tensor offers more than half as many
     * candidates: a count such as {@code n: 2147483639} over a small tensor would otherwise allocate
     * gigabytes and end the JVM with an {@link OutOfMemoryError}.
     */
    static final int MAX_DRAWS = 1 << 24;

    private IndexSampler() {
    }

    /**
     * Rejects a number of draws with replacement that would need far more memory than the tensor itself.
     *
     * @param count the number of positions to draw
     * @param bound the number of candidates
     * @throws InjectionException if {@code count} exceeds both {@link #MAX_DRAWS} and twice {@code bound}
     */
    static void checkDraws(long count, long bound) {
        if (count > Math.max(MAX_DRAWS, 2 * bound)) {
            throw new InjectionException("drawing " + count + " positions with replacement from " + bound
                    + " candidates exceeds the limit of one call (" + MAX_DRAWS + ", or twice the candidates);"
                    + " use a smaller n, or distinct: true");
        }
    }

    /**
     * Draws indices.
     *
     * @param bound    the number of candidates, at least 0
     * @param count    how many to draw, at least 0
     * @param distinct true to draw without replacement, capping {@code count} at {@code bound}
     * @param random   the source of every draw
     * @return the indices, in draw order; empty when {@code bound} is 0
     * @throws InjectionException if drawing with replacement would exceed {@link #checkDraws the limit}
     */
    static int[] draw(int bound, int count, boolean distinct, RandomGenerator random) {
        if (bound <= 0 || count <= 0) {
            return new int[0];
        }
        if (distinct) {
            return distinct(bound, Math.min(count, bound), random);
        }
        checkDraws(count, bound);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = random.nextInt(bound);
        }
        return indices;
    }

    /**
     * Floyd's algorithm: for each j of the last {@code count} candidates, draw t in [0, j] and take t, or
     * j when t is already taken. Every subset of size {@code count} is equally likely.
     */
    private static int[] distinct(int bound, int count, RandomGenerator random) {
        Membership taken = count >= bound / BIT_SET_DIVISOR ? new BitMembership(bound) : new HashMembership(count);
        int[] indices = new int[count];
        int next = 0;
        for (int j = bound - count; j < bound; j++) {
            int candidate = random.nextInt(j + 1);
            if (taken.add(candidate)) {
                indices[next++] = candidate;
            } else {
                taken.add(j);
                indices[next++] = j;
            }
        }
        return indices;
    }

    private interface Membership {
        /** Adds a value; returns false if it was present already. */
        boolean add(int value);
    }

    private static final class BitMembership implements Membership {
        private final long[] words;

        BitMembership(int bound) {
            words = new long[(int) ((bound + 63L) >>> 6)];
        }

        @Override
        public boolean add(int value) {
            int word = value >>> 6;
            long bit = 1L << value;
            if ((words[word] & bit) != 0) {
                return false;
            }
            words[word] |= bit;
            return true;
        }
    }

    /**
     * Open addressing with linear probing, at most half full; values are stored plus one so that 0 marks
     * a free slot, and the first slot comes from the high bits of a Fibonacci hash.
     */
    private static final class HashMembership implements Membership {
        private final int[] slots;
        private final int mask;
        private final int shift;

        HashMembership(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            slots = new int[capacity];
            mask = capacity - 1;
            shift = Integer.numberOfLeadingZeros(capacity) + 1;
        }

        @Override
        public boolean add(int value) {
            int stored = value + 1;
            int slot = (stored * 0x9E3779B9) >>> shift;
            while (slots[slot] != 0) {
                if (slots[slot] == stored) {
                    return false;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = stored;
            return true;
        }
    }
}
