package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;

/**
 * The reference's averaging: each non-empty tensor contributes one mean, and the result is the plain mean
 * of those means, not weighted by element count. Empty tensors are skipped.
 */
abstract class MeanOfCallMeans implements Observer {

    private double sumOfMeans;
    private long calls;

    /** Returns the sum over {@code data[offset, offset + length)} whose mean this observer averages. */
    abstract double sum(float[] data, int offset, int length);

    /** Turns the mean of the per-call means into the result. */
    double finish(double meanOfMeans) {
        return meanOfMeans;
    }

    @Override
    public final void update(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        if (length > 0) {
            sumOfMeans += sum(data, offset, length) / length;
            calls++;
        }
    }

    @Override
    public final void reset() {
        sumOfMeans = 0;
        calls = 0;
    }

    /** Returns the statistic as a Double, or null before the first non-empty tensor. */
    @Override
    public final Object result() {
        return calls == 0 ? null : (Object) finish(sumOfMeans / calls);
    }
}
