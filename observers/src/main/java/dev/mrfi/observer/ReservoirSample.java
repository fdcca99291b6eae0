package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform random sample without replacement of at most {@code maxNum} of all values seen, kept with
 * Li's reservoir Algorithm L: after the reservoir is full, the number of values to skip before the next
 * replacement is drawn directly, so the cost grows with the replacements (about
 * {@code maxNum * log(seen / maxNum)}), not with the values seen.
 *
 * <p>Every value seen so far is in the sample with the same probability {@code min(1, maxNum / seen)},
 * whatever the tensor shapes and their order. Draws come from a {@link SplittableRandom} seeded with
 * {@code seed}; {@link #reset()} re-seeds it, so a reset observer repeats a fresh one.
 */
final class ReservoirSample implements Observer {

    private static final float[] NONE = new float[0];
    /** A skip that never ends inside any realistic stream; also caps a non-finite skip. */
    private static final long NEVER = 1L << 62;

    private final int maxNum;
    private final long seed;

    private SplittableRandom random;
    private float[] sample;
    private int kept;
    /** Values seen before the current update. */
    private long seen;
    private boolean updated;
    /** Algorithm L's W: the largest of {@code maxNum} uniform keys currently in the reservoir. */
    private double w;
    /** The stream index of the next value that enters the reservoir, once it is full. */
    private long next;

    ReservoirSample(int maxNum, long seed) {
        this.maxNum = maxNum;
        this.seed = seed;
        reset();
    }

    @Override
    public void update(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        updated = true;
        long first = seen;
        int filled = 0;
        if (kept < maxNum) {
            filled = Math.min(length, maxNum - kept);
            ensureCapacity(kept + filled);
            System.arraycopy(data, offset, sample, kept, filled);
            kept += filled;
            if (kept == maxNum) {
                w = Math.exp(Math.log(unit()) / maxNum);
                next = first + filled + skip();
            }
        }
        long end = first + length;
        if (kept == maxNum) {
            while (next < end) {
                sample[random.nextInt(maxNum)] = data[offset + (int) (next - first)];
                w *= Math.exp(Math.log(unit()) / maxNum);
                next += skip() + 1;
            }
        }
        seen = end;
    }

    /** A uniform draw from (0, 1]. */
    private double unit() {
        return 1.0 - random.nextDouble();
    }

    /** The number of values to pass over before the next replacement: geometric with success rate w. */
    private long skip() {
        double gap = Math.floor(Math.log(unit()) / Math.log1p(-w));
        return gap < NEVER ? (long) gap : NEVER;
    }

    private void ensureCapacity(int needed) {
        if (sample.length < needed) {
            long grown = Math.max(needed, Math.max(16L, 2L * sample.length));
            sample = Arrays.copyOf(sample, (int) Math.min(grown, maxNum));
        }
    }

    @Override
    public void reset() {
        random = new SplittableRandom(seed);
        sample = NONE;
        kept = 0;
        seen = 0;
        updated = false;
        w = 0;
        next = 0;
    }

    /**
     * Returns the sample as a new {@code float[]} of {@code min(maxNum, values seen)} values, in no
     * particular order, or null before the first update.
     */
    @Override
    public Object result() {
        return updated ? Arrays.copyOf(sample, kept) : null;
    }
}
