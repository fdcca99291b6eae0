package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;

/**
 * Flattens every dimension after the batch, like PyTorch's {@code nn.Flatten()}:
 * {@code [N, d1, d2, ...]} becomes {@code [N, d1·d2·...]} in row-major (channel, row, column) order.
 *
 * <p>Like PyTorch's view, the output shares the input's array: a change made by the output hook is a
 * change to the input too. Immutable and thread-safe.
 */
public final class Flatten extends Layer {

    /** Creates the layer. */
    public Flatten() {
    }

    @Override
    public String typeName() {
        return "Flatten";
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        if (input.rank() < 2) {
            throw new IllegalArgumentException("expects input of shape [N, ...] with at least 2 dimensions, got " + input);
        }
        int batch = input.dim(0);
        int rest = 1;
        for (int axis = 1; axis < input.rank(); axis++) {
            rest *= input.dim(axis);
        }
        return TensorShape.of(batch, rest);
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        return new Tensor(outputShape(input.shape()), input.data());
    }

    @Override
    public String toString() {
        return "Flatten()";
    }
}
