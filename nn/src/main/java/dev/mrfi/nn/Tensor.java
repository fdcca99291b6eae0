package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float32 tensor: a shape and the row-major (C-order) array holding its values.
 *
 * <p>The record holds the array it is given, without copying, so that activations can flow through a
 * network and be changed in place by hooks. Whoever owns a tensor decides who may write to it; a
 * tensor shared between threads must not be written. {@link #equals} and {@link #hashCode} compare
 * shapes and values, not array identity.
 *
 * @param shape the shape; never null
 * @param data  the values, {@code shape.size()} of them; never null
 */
public record Tensor(TensorShape shape, float[] data) {

    /**
     * Checks that the array length matches the shape.
     *
     * @throws IllegalArgumentException if {@code data.length != shape.size()}
     */
    public Tensor {
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(data, "data is null");
        if (data.length != shape.size()) {
            throw new IllegalArgumentException("a tensor of shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
    }

    /**
     * Returns a tensor of the given shape over the given values, without copying them.
     *
     * @param data the values, row-major
     * @param dims the shape, outermost first
     * @return the tensor
     */
    public static Tensor of(float[] data, int... dims) {
        return new Tensor(TensorShape.of(dims), data);
    }

    /**
     * Returns a tensor of the given shape filled with zeros.
     *
     * @param shape the shape
     * @return a new tensor
     */
    public static Tensor zeros(TensorShape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    /**
     * Returns a tensor with the same shape and a copy of the values.
     *
     * @return a new tensor that shares nothing with this one
     */
    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    /**
     * Returns, for each row of a two-dimensional tensor such as a batch of logits, the index of its
     * largest value. A NaN counts as larger than every number, as in PyTorch's {@code argmax}; ties go
     * to the first index.
     *
     * @return one index per row
     * @throws IllegalStateException if the tensor is not two-dimensional with at least one column
     */
    public int[] argmaxPerRow() {
        if (shape.rank() != 2 || shape.dim(1) == 0) {
            throw new IllegalStateException("argmaxPerRow needs a tensor of shape [rows, columns > 0], got " + shape);
        }
        int rows = shape.dim(0);
        int columns = shape.dim(1);
        int[] result = new int[rows];
        for (int r = 0; r < rows; r++) {
            int offset = r * columns;
            int best = 0;
            float bestValue = data[offset];
            for (int c = 1; c < columns && !Float.isNaN(bestValue); c++) {
                float value = data[offset + c];
                if (value > bestValue || Float.isNaN(value)) {
                    best = c;
                    bestValue = value;
                }
            }
            result[r] = best;
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor tensor && shape.equals(tensor.shape) && Arrays.equals(data, tensor.data);
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + shape;
    }
}
