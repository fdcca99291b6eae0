package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;
import java.util.List;

/** Smallest and largest value over every tensor seen; NaN propagates. */
final class MinMax implements Observer {

    private float min = Float.POSITIVE_INFINITY;
    private float max = Float.NEGATIVE_INFINITY;
    private boolean seen;

    @Override
    public void update(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        float lo = min;
        float hi = max;
        for (int i = offset, end = offset + length; i < end; i++) {
            float v = data[i];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        min = lo;
        max = hi;
        seen |= length > 0;
    }

    @Override
    public void reset() {
        min = Float.POSITIVE_INFINITY;
        max = Float.NEGATIVE_INFINITY;
        seen = false;
    }

    /** Returns {@code [min, max]} as doubles, or null before the first non-empty tensor. */
    @Override
    public Object result() {
        return seen ? List.of((double) min, (double) max) : null;
    }
}
