package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.observer.Observer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The shape of the last tensor seen. */
final class LastShape implements Observer {

    private TensorShape last;

    @Override
    public void update(float[] data, int offset, int length, TensorShape shape) {
        Tensors.check(data, offset, length, shape);
        last = shape;
    }

    @Override
    public void reset() {
        last = null;
    }

    /** Returns the dimensions as an unmodifiable {@code List<Integer>}, or null before the first tensor. */
    @Override
    public Object result() {
        if (last == null) {
            return null;
        }
        List<Integer> dims = new ArrayList<>(last.rank());
        for (int axis = 0; axis < last.rank(); axis++) {
            dims.add(last.dim(axis));
        }
        return Collections.unmodifiableList(dims);
    }
}
