package dev.mrfi.api;

import java.util.Arrays;

/**
 * The shape of a dense, row-major (C-order) tensor: its dimensions, element count and strides.
 *
 * <p>Immutable and thread-safe. Every tensor MRFI-J handles lives in one Java array, so the element
 * count is limited to {@link #MAX_ELEMENTS}.
 *
 * @since 0.1
 */
public final class TensorShape {

    /** The largest element count a tensor may have: the largest Java array that is safely allocatable. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

    private final int[] dims;
    private final int[] strides;
    private final int size;

    private TensorShape(int[] dims) {
        this.dims = dims;
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new IllegalArgumentException("dimension " + i + " is negative in " + Arrays.toString(dims));
            }
            count *= dims[i];
            if (count > MAX_ELEMENTS) {
                throw new IllegalArgumentException("tensor of shape " + Arrays.toString(dims)
                        + " has more than " + MAX_ELEMENTS + " elements, the limit of one Java array");
            }
        }
        this.size = (int) count;
        this.strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= Math.max(dims[i], 1);
        }
    }

    /**
     * Returns the shape with the given dimensions.
     *
     * @param dims sizes, outermost first; none negative; an empty array is a scalar
     * @return the shape
     * @throws IllegalArgumentException if a size is negative or the element count exceeds
     *                                  {@link #MAX_ELEMENTS}
     */
    public static TensorShape of(int... dims) {
        return new TensorShape(dims.clone());
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank, zero for a scalar
     */
    public int rank() {
        return dims.length;
    }

    /**
     * Returns the size of one dimension.
     *
     * @param axis the dimension, in [0, rank)
     * @return its size
     */
    public int dim(int axis) {
        return dims[axis];
    }

    /**
     * Returns a copy of the dimensions.
     *
     * @return the sizes, outermost first
     */
    public int[] dims() {
        return dims.clone();
    }

    /**
     * Returns the number of elements.
     *
     * @return the product of the dimensions
     */
    public int size() {
        return size;
    }

    /**
     * Returns the row-major stride of one dimension, in elements.
     *
     * @param axis the dimension, in [0, rank)
     * @return the distance between neighbours along that dimension
     */
    public int stride(int axis) {
        return strides[axis];
    }

    /**
     * Converts coordinates to a row-major flat index, checking every coordinate.
     *
     * @param coordinates one index per dimension
     * @return the flat index
     * @throws IndexOutOfBoundsException if the count of coordinates differs from the rank or one is
     *                                   outside its dimension
     */
    public int flatIndex(int... coordinates) {
        if (coordinates.length != dims.length) {
            throw new IndexOutOfBoundsException("position " + Arrays.toString(coordinates) + " has "
                    + coordinates.length + " coordinates but the tensor of shape " + this + " has " + dims.length);
        }
        int flat = 0;
        for (int i = 0; i < dims.length; i++) {
            if (coordinates[i] < 0 || coordinates[i] >= dims[i]) {
                throw new IndexOutOfBoundsException("position " + Arrays.toString(coordinates)
                        + " is outside the tensor of shape " + this);
            }
            flat += coordinates[i] * strides[i];
        }
        return flat;
    }

    /**
     * Converts a row-major flat index to coordinates.
     *
     * @param flatIndex an index in [0, size)
     * @return one coordinate per dimension
     * @throws IndexOutOfBoundsException if the index is outside the tensor
     */
    public int[] coordinates(int flatIndex) {
        if (flatIndex < 0 || flatIndex >= size) {
            throw new IndexOutOfBoundsException("flat index " + flatIndex + " is outside the tensor of shape "
                    + this + " (" + size + " elements)");
        }
        int[] result = new int[dims.length];
        int rest = flatIndex;
        for (int i = 0; i < dims.length; i++) {
            result[i] = rest / strides[i];
            rest -= result[i] * strides[i];
        }
        return result;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorShape && Arrays.equals(dims, ((TensorShape) other).dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
