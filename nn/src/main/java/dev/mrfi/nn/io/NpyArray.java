package dev.mrfi.nn.io;

import dev.mrfi.api.TensorShape;
import java.util.Arrays;
import java.util.Objects;

/**
 * An array read from an NPY file, converted to float32 in row-major (C) order whatever the file's order,
 * with the element type the file stored.
 *
 * <p>The record holds the array it is given, without copying. {@link #equals} compares shapes, values
 * and dtypes.
 *
 * @param shape the shape; a scalar has rank 0 and one value
 * @param data  the values, row-major, {@code shape.size()} of them
 * @param dtype the element type in the file
 */
public record NpyArray(TensorShape shape, float[] data, NpyDtype dtype) {

    /**
     * Checks that the array length matches the shape.
     *
     * @throws IllegalArgumentException if {@code data.length != shape.size()}
     */
    public NpyArray {
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(data, "data is null");
        Objects.requireNonNull(dtype, "dtype is null");
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("an array of shape " + shape + " needs " + shape.size() + " values, got "
                    + data.length);
        }
    }

    /**
     * Returns a float32 array, as written by {@link Npy#write}.
     *
     * @param shape the shape
     * @param data  the values, row-major; not copied
     * @return the array
     */
    public static NpyArray of(TensorShape shape, float[] data) {
        return new NpyArray(shape, data, NpyDtype.FLOAT32);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NpyArray array && shape.equals(array.shape) && dtype == array.dtype
                && Arrays.equals(data, array.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shape, dtype, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "NpyArray" + shape + " " + dtype.numpyName();
    }
}
