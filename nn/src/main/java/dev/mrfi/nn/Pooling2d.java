package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;

/**
 * What {@link MaxPool2d} and {@link AvgPool2d} share: a square window moved with a stride over each
 * channel of {@code [N, C, H, W]}, no padding, output size rounded down as in PyTorch's default
 * {@code ceil_mode=False}.
 */
abstract class Pooling2d extends Layer {

    final int kernel;
    final int stride;

    Pooling2d(int kernel, int stride) {
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " kernel size and stride must be at least 1, got "
                    + kernel + " and " + stride);
        }
        this.kernel = kernel;
        this.stride = stride;
    }

    @Override
    public final TensorShape outputShape(TensorShape input) {
        if (input.rank() != 4) {
            throw new IllegalArgumentException("expects input of shape [N, C, H, W], got " + input);
        }
        if (input.dim(2) < kernel || input.dim(3) < kernel) {
            throw new IllegalArgumentException("input of shape " + input + " is smaller than the " + kernel + "x" + kernel
                    + " window");
        }
        return TensorShape.of(input.dim(0), input.dim(1), (input.dim(2) - kernel) / stride + 1,
                (input.dim(3) - kernel) / stride + 1);
    }

    @Override
    public final String toString() {
        return typeName() + "(kernel_size=" + kernel + ", stride=" + stride + ")";
    }
}
