package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;

/**
 * The maximum over each {@code kernel×kernel} window, like PyTorch's {@code nn.MaxPool2d(kernel, stride)}
 * without padding. A NaN in a window makes the result NaN, as in PyTorch, so injected NaNs propagate.
 * Immutable and thread-safe.
 */
public final class MaxPool2d extends Pooling2d {

    /**
     * Creates the layer with the stride equal to the window, PyTorch's default.
     *
     * @param kernel the window size, at least 1
     */
    public MaxPool2d(int kernel) {
        this(kernel, kernel);
    }

    /**
     * Creates the layer.
     *
     * @param kernel the window size, at least 1
     * @param stride the step between windows, at least 1
     */
    public MaxPool2d(int kernel, int stride) {
        super(kernel, stride);
    }

    @Override
    public String typeName() {
        return "MaxPool2d";
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        TensorShape outShape = outputShape(input.shape());
        int planes = outShape.dim(0) * outShape.dim(1);
        int height = input.shape().dim(2);
        int width = input.shape().dim(3);
        int outH = outShape.dim(2);
        int outW = outShape.dim(3);
        float[] x = input.data();
        float[] y = new float[outShape.size()];
        // each output is the maximum of its window, taken in registers and stored once; Math.max returns NaN if
        // either argument is NaN, as PyTorch's max pooling does, and is order-insensitive (+0.0 beats -0.0)
        for (int plane = 0; plane < planes; plane++) {
            int planeStart = plane * height * width;
            for (int oy = 0; oy < outH; oy++) {
                int out = (plane * outH + oy) * outW;
                int top = planeStart + oy * stride * width;
                if (kernel == 2 && stride == 2) {
                    int bottom = top + width;
                    for (int ox = 0; ox < outW; ox++) {
                        int left = 2 * ox;
                        y[out + ox] = Math.max(Math.max(x[top + left], x[top + left + 1]),
                                Math.max(x[bottom + left], x[bottom + left + 1]));
                    }
                    continue;
                }
                for (int ox = 0; ox < outW; ox++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < kernel; ky++) {
                        int at = top + ky * width + ox * stride;
                        for (int kx = 0; kx < kernel; kx++) {
                            max = Math.max(max, x[at + kx]);
                        }
                    }
                    y[out + ox] = max;
                }
            }
        }
        return new Tensor(outShape, y);
    }
}
