package dev.mrfi.core.engine;

import dev.mrfi.api.quantization.Quantizer;

/**
 * The pass of a layer-wise round trip with sparse faults: the source is quantized and dequantized into the
 * destination in one fused pass, then the faulty codes are dequantized over their positions, block by
 * block in position order. A fixed range therefore costs one read and one write of each value plus the
 * cache lines of the faults, whether or not the destination is the source (a weight's clean values and its
 * trial buffer, or an activation in place).
 *
 * <p>The round trip is one call over the whole tensor rather than one call per cache-sized block: on
 * HotSpot 17 a quantizer's loop inlined into a loop over blocks is not vectorized, and a trial with the
 * blocked pass took three to four times as long as a golden pass (docs/performance.md, issue 18).
 *
 * <p>Faults are ordered by block once per call with a stable counting sort, so the writes move forward
 * through memory and, within a block, keep the selector's order: a position chosen twice ends with its
 * last fault, as when the faults are scattered one by one. The buffers grow to the largest tensor seen
 * and are reused: nothing is allocated per value, per block or, in steady state, per call. Not
 * thread-safe: one per {@link Trial}.
 */
final class LayerwisePass {

    /** The unit faults are sorted by: 16 KiB of float32. */
    static final int BLOCK = 4096;
    private static final int BLOCK_BITS = 12;

    private int[] blockStarts = new int[2];
    private int[] order = new int[64];

    /**
     * Round-trips {@code src[0, size)} into {@code dst[0, size)}, then makes position {@code positions[k]}
     * the dequantized value of {@code codes[k]}, for every {@code k < count}, the last one winning.
     *
     * @param quantizer the tensor's quantizer
     * @param src       the values; not written unless it is {@code dst}
     * @param dst       the result; may be {@code src}
     * @param size      the tensor's number of values
     * @param positions fault positions, each in {@code [0, size)}, in the selector's order
     * @param codes     the faulty code of each position
     * @param count     number of faults
     */
    void run(Quantizer quantizer, float[] src, float[] dst, int size, int[] positions, float[] codes, int count) {
        if (count == 0) {
            quantizer.roundTrip(src, 0, dst, 0, size);
            return;
        }
        sortByBlock((size + BLOCK - 1) >>> BLOCK_BITS, positions, count);
        quantizer.roundTrip(src, 0, dst, 0, size);
        int[] sorted = order;
        for (int next = 0; next < count; next++) {
            int k = sorted[next];
            int position = positions[k];
            dst[position] = codes[k];
            quantizer.dequantize(dst, position, 1);
        }
    }

    /** Leaves in {@code order[blockStarts[b], blockStarts[b + 1])} the faults of block b, in their order. */
    private void sortByBlock(int blocks, int[] positions, int count) {
        if (blockStarts.length < blocks + 1) {
            blockStarts = new int[Math.max(blocks + 1, blockStarts.length * 2)];
        }
        if (order.length < count) {
            order = new int[Math.max(count, order.length * 2)];
        }
        int[] starts = blockStarts;
        java.util.Arrays.fill(starts, 0, blocks + 1, 0);
        for (int k = 0; k < count; k++) {
            starts[(positions[k] >>> BLOCK_BITS) + 1]++;
        }
        for (int block = 0; block < blocks; block++) {
            starts[block + 1] += starts[block];
        }
        // place each fault at its block's running cursor, kept in starts[block], which then ends at the
        // block's end; shifting back one slot restores the starts
        for (int k = 0; k < count; k++) {
            order[starts[positions[k] >>> BLOCK_BITS]++] = k;
        }
        System.arraycopy(starts, 0, starts, 1, blocks);
        starts[0] = 0;
    }
}
