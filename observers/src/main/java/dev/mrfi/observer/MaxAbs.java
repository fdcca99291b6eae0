package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;

/** Largest absolute value over every tensor seen; NaN propagates. */
final class MaxAbs implements Observer {

    private float max;
    private boolean seen;

    @Override
    public void update(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        float m = max;
        for (int i = offset, end = offset + length; i < end; i++) {
            m = Math.max(m, Math.abs(data[i]));
        }
        max = m;
        seen |= length > 0;
    }

    @Override
    public void reset() {
        max = 0f;
        seen = false;
    }

    /** Returns the maximum as a Double, or null before the first non-empty tensor. */
    @Override
    public Object result() {
        return seen ? (Object) (double) max : null;
    }
}
