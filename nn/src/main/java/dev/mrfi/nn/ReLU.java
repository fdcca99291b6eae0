package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;

/**
 * {@code max(x, 0)} elementwise, like PyTorch's {@code nn.ReLU}; a NaN stays NaN, so injected NaNs
 * propagate as they do in PyTorch. Writes a new array (PyTorch's {@code inplace=False}), so the
 * previous module's output is not changed after its output hook ran. Immutable and thread-safe.
 */
public final class ReLU extends Layer {

    /** Creates the layer. */
    public ReLU() {
    }

    @Override
    public String typeName() {
        return "ReLU";
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        return input;
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        float[] x = input.data();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.max(x[i], 0f);
        }
        return new Tensor(input.shape(), y);
    }

    @Override
    public String toString() {
        return "ReLU()";
    }
}
