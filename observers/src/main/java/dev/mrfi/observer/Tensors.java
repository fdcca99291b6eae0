package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import java.util.Objects;

/** Argument checks shared by the observers. */
final class Tensors {

    private Tensors() {
    }

    /**
     * Checks that {@code [offset, offset + length)} lies inside {@code data} and that {@code length} is the
     * element count of {@code shape}.
     */
    static void check(float[] data, int offset, int length, TensorShape shape) {
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(shape, "shape is null");
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length != shape.size()) {
            throw new IllegalArgumentException("length " + length + " does not match the tensor shape " + shape
                    + " of " + shape.size() + " elements");
        }
    }
}
