package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;

/**
 * The mean over each {@code kernel×kernel} window, like PyTorch's {@code nn.AvgPool2d(kernel, stride)}
 * without padding. Immutable and thread-safe.
 */
public final class AvgPool2d extends Pooling2d {

    /**
     * Creates the layer with the stride equal to the window, PyTorch's default.
     *
     * @param kernel the window size, at least 1
     */
    public AvgPool2d(int kernel) {
        this(kernel, kernel);
    }

    /**
     * Creates the layer.
     *
     * @param kernel the window size, at least 1
     * @param stride the step between windows, at least 1
     */
    public AvgPool2d(int kernel, int stride) {
        super(kernel, stride);
    }

    @Override
    public String typeName() {
        return "AvgPool2d";
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        TensorShape outShape = outputShape(input.shape());
        int planes = outShape.dim(0) * outShape.dim(1);
        int height = input.shape().dim(2);
        int width = input.shape().dim(3);
        int outH = outShape.dim(2);
        int outW = outShape.dim(3);
        float count = kernel * kernel;
        float[] x = input.data();
        float[] y = new float[outShape.size()];
        for (int plane = 0; plane < planes; plane++) {
            int planeStart = plane * height * width;
            for (int oy = 0; oy < outH; oy++) {
                int out = (plane * outH + oy) * outW;
                for (int ky = 0; ky < kernel; ky++) {
                    int rowStart = planeStart + (oy * stride + ky) * width;
                    for (int kx = 0; kx < kernel; kx++) {
                        for (int ox = 0; ox < outW; ox++) {
                            y[out + ox] += x[rowStart + ox * stride + kx];
                        }
                    }
                }
                for (int ox = 0; ox < outW; ox++) {
                    y[out + ox] /= count;
                }
            }
        }
        return new Tensor(outShape, y);
    }
}
