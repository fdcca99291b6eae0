package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;

/**
 * Compares each faulty tensor with the golden tensor passed immediately before it and averages one value
 * per pair, unweighted by element count, as the reference does.
 *
 * <p>A golden update stores a copy and waits; a later golden update replaces it. The next faulty update
 * consumes it, so golden and faulty updates alternate. A faulty update with no golden tensor waiting is an
 * {@link IllegalStateException}; one whose shape differs from the waiting golden tensor is an
 * {@link IllegalArgumentException} and leaves the golden tensor waiting. A pair of empty tensors is
 * consumed without contributing. The result is NaN until a pair has contributed.
 */
abstract class GoldenComparison implements Observer {

    private static final float[] NONE = new float[0];

    private final String name;
    private float[] golden = NONE;
    /** The shape of the waiting golden tensor, null when none waits. */
    private TensorShape goldenShape;
    private double sumOfValues;
    private long pairs;

    GoldenComparison(String name) {
        this.name = name;
    }

    /**
     * Returns the value of one pair, for {@code faulty[offset + i]} against {@code golden[i]} with
     * {@code 0 <= i < length}; {@code length} is at least 1.
     */
    abstract double compare(float[] golden, float[] faulty, int offset, int length);

    /** Turns the mean of the per-pair values into the result. */
    double finish(double meanOfValues) {
        return meanOfValues;
    }

    @Override
    public final boolean pairsWithGolden() {
        return true;
    }

    @Override
    public final void updateGolden(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        if (golden.length < length) {
            golden = new float[length];
        }
        System.arraycopy(data, offset, golden, 0, length);
        goldenShape = shape;
    }

    @Override
    public final void update(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        if (goldenShape == null) {
            throw new IllegalStateException(name + " compares each faulty tensor with the golden tensor passed"
                    + " just before it, but got a faulty tensor of shape " + shape + " with no golden tensor"
                    + " waiting. Run a golden pass before every faulty pass.");
        }
        if (!goldenShape.equals(shape)) {
            throw new IllegalArgumentException(name + " got a faulty tensor of shape " + shape
                    + " but the golden tensor before it has shape " + goldenShape + ". Both passes must see"
                    + " the same input.");
        }
        goldenShape = null;
        if (length > 0) {
            sumOfValues += compare(golden, data, offset, length);
            pairs++;
        }
    }

    @Override
    public final void reset() {
        goldenShape = null;
        sumOfValues = 0;
        pairs = 0;
    }

    /** Returns the statistic as a Double, NaN before the first non-empty pair. */
    @Override
    public final Object result() {
        return pairs == 0 ? Double.NaN : finish(sumOfValues / pairs);
    }
}
