package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A 2-D convolution like PyTorch's {@code nn.Conv2d} (no dilation, no groups): input
 * {@code [N, inChannels, H, W]}, output {@code [N, outChannels, H', W']} with
 * {@code H' = (H + 2·paddingH − kernelH) / strideH + 1}, zero padding. Weights {@code weight}
 * {@code [outChannels, inChannels, kernelH, kernelW]} and optionally {@code bias} {@code [outChannels]}.
 *
 * <p>Computed as an im2col unfolding followed by one matrix product per group of images; small feature
 * maps are grouped so that the product has at least {@value #MIN_PRODUCT_COLUMNS} columns. Immutable and
 * thread-safe.
 */
public final class Conv2d extends Layer {

    private static final int MIN_PRODUCT_COLUMNS = 512;

    private final int inChannels;
    private final int outChannels;
    private final int kernelH;
    private final int kernelW;
    private final int strideH;
    private final int strideW;
    private final int paddingH;
    private final int paddingW;
    private final float[] weight;
    private final TensorShape weightShape;
    private final float[] bias;
    private final TensorShape biasShape;
    private final Map<String, TensorShape> weightShapes;

    /**
     * Creates a convolution with the same stride and padding along both axes.
     *
     * @param weight  {@code [outChannels, inChannels, kernelH, kernelW]}; copied
     * @param bias    {@code [outChannels]}, or null for none; copied
     * @param stride  at least 1
     * @param padding zeros added on each side, at least 0
     */
    public Conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        this(weight, bias, stride, stride, padding, padding);
    }

    /**
     * Creates a convolution.
     *
     * @param weight   {@code [outChannels, inChannels, kernelH, kernelW]}; copied
     * @param bias     {@code [outChannels]}, or null for none; copied
     * @param strideH  vertical stride, at least 1
     * @param strideW  horizontal stride, at least 1
     * @param paddingH zero rows added above and below, at least 0
     * @param paddingW zero columns added left and right, at least 0
     * @throws IllegalArgumentException if a shape, stride or padding is invalid
     */
    public Conv2d(Tensor weight, Tensor bias, int strideH, int strideW, int paddingH, int paddingW) {
        Objects.requireNonNull(weight, "weight is null");
        TensorShape shape = weight.shape();
        if (shape.rank() != 4 || shape.size() == 0) {
            throw new IllegalArgumentException("Conv2d weight must have shape [outChannels, inChannels, kernelH, kernelW]"
                    + " with no zero dimension, got " + shape);
        }
        if (strideH < 1 || strideW < 1 || paddingH < 0 || paddingW < 0) {
            throw new IllegalArgumentException("Conv2d stride must be at least 1 and padding at least 0, got stride ("
                    + strideH + ", " + strideW + ") and padding (" + paddingH + ", " + paddingW + ")");
        }
        this.outChannels = shape.dim(0);
        this.inChannels = shape.dim(1);
        this.kernelH = shape.dim(2);
        this.kernelW = shape.dim(3);
        this.strideH = strideH;
        this.strideW = strideW;
        this.paddingH = paddingH;
        this.paddingW = paddingW;
        this.weight = weight.data().clone();
        this.weightShape = shape;
        if (bias != null && !bias.shape().equals(TensorShape.of(outChannels))) {
            throw new IllegalArgumentException("Conv2d bias must have shape [" + outChannels + "], got " + bias.shape());
        }
        this.bias = bias == null ? null : bias.data().clone();
        this.biasShape = bias == null ? null : bias.shape();
        this.weightShapes = weightAndBiasShapes(weightShape, biasShape);
    }

    @Override
    public String typeName() {
        return "Conv2d";
    }

    @Override
    public Map<String, TensorShape> weightShapes() {
        return weightShapes;
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        if (input.rank() != 4 || input.dim(1) != inChannels) {
            throw new IllegalArgumentException("expects input of shape [N, " + inChannels + ", H, W], got " + input);
        }
        int outH = outputSize(input.dim(2), kernelH, strideH, paddingH);
        int outW = outputSize(input.dim(3), kernelW, strideW, paddingW);
        if (outH < 1 || outW < 1) {
            throw new IllegalArgumentException("input of shape " + input + " is smaller than the " + kernelH + "x"
                    + kernelW + " kernel with padding (" + paddingH + ", " + paddingW + ")");
        }
        return TensorShape.of(input.dim(0), outChannels, outH, outW);
    }

    private static int outputSize(int size, int kernel, int stride, int padding) {
        int span = size + 2 * padding - kernel;
        return span < 0 ? 0 : span / stride + 1;
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        TensorShape outShape = outputShape(input.shape());
        float[] kernel = pass.weight("weight", weight);
        float[] shift = bias == null ? null : pass.weight("bias", bias);
        int images = outShape.dim(0);
        int height = input.shape().dim(2);
        int width = input.shape().dim(3);
        int outH = outShape.dim(2);
        int outW = outShape.dim(3);
        int depth = inChannels * kernelH * kernelW;
        if (strideH == 1 && strideW == 1) {
            float[] x = input.data();
            if (paddingH > 0 || paddingW > 0) {
                // the zeros written out once per pass; each output then sums the same products, the padding's
                // included, in the same order as the general path
                x = padded(x, images * inChannels, height, width);
                height += 2 * paddingH;
                width += 2 * paddingW;
            }
            return new Tensor(outShape, computeStrideOne(x, kernel, shift, images, height, width, outH, outW,
                    outShape.size(), depth));
        }
        int plane = outH * outW;
        int group = Math.max(1, Math.min(images, (MIN_PRODUCT_COLUMNS + plane - 1) / plane));
        float[][] columns = new float[depth][group * plane];
        float[][] sums = new float[outChannels][group * plane];
        float[] output = new float[outShape.size()];
        for (int first = 0; first < images; first += group) {
            int count = Math.min(group, images - first);
            for (int i = 0; i < count; i++) {
                unfold(input.data(), first + i, height, width, outH, outW, columns, i * plane);
            }
            for (int channel = 0; channel < outChannels; channel++) {
                Arrays.fill(sums[channel], shift == null ? 0f : shift[channel]);
            }
            MatrixMultiply.accumulate(kernel, 0, outChannels, depth, columns, sums, count * plane);
            for (int i = 0; i < count; i++) {
                for (int channel = 0; channel < outChannels; channel++) {
                    System.arraycopy(sums[channel], i * plane, output, ((first + i) * outChannels + channel) * plane, plane);
                }
            }
        }
        return new Tensor(outShape, output);
    }

    /** Copies each of {@code planes} planes into the middle of a plane with the padding's zeros around it. */
    private float[] padded(float[] x, int planes, int height, int width) {
        int paddedWidth = width + 2 * paddingW;
        int paddedPlane = (height + 2 * paddingH) * paddedWidth;
        float[] result = new float[planes * paddedPlane];
        for (int plane = 0; plane < planes; plane++) {
            for (int y = 0; y < height; y++) {
                System.arraycopy(x, (plane * height + y) * width, result,
                        plane * paddedPlane + (y + paddingH) * paddedWidth + paddingW, width);
            }
        }
        return result;
    }

    /**
     * Stride 1, with any padding already written out into {@code x}: output positions are laid out at the
     * input's row pitch, {@code oy·width + ox}, so that each row of the unfolded matrix is one contiguous run
     * of the input, copied in one call instead of one per output row. The {@code kernelW - 1} positions at
     * the end of each output row are computed and dropped (for LeNet's convolutions 14 % and 44 % more
     * products, for one copy per kernel tap instead of 28 and 8). Every output sums the same products in
     * the same order as the general path, so the results are the same bits.
     */
    private float[] computeStrideOne(float[] x, float[] kernel, float[] shift, int images, int height, int width,
                                    int outH, int outW, int outputSize, int depth) {
        int span = (outH - 1) * width + outW;
        int group = Math.max(1, Math.min(images, (MIN_PRODUCT_COLUMNS + span - 1) / span));
        float[][] columns = new float[depth][group * span];
        float[][] sums = new float[outChannels][group * span];
        float[] output = new float[outputSize];
        int plane = outH * outW;
        for (int first = 0; first < images; first += group) {
            int count = Math.min(group, images - first);
            for (int i = 0; i < count; i++) {
                int row = 0;
                for (int c = 0; c < inChannels; c++) {
                    int planeStart = ((first + i) * inChannels + c) * height * width;
                    for (int ki = 0; ki < kernelH; ki++) {
                        for (int kj = 0; kj < kernelW; kj++) {
                            System.arraycopy(x, planeStart + ki * width + kj, columns[row++], i * span, span);
                        }
                    }
                }
            }
            for (int channel = 0; channel < outChannels; channel++) {
                Arrays.fill(sums[channel], shift == null ? 0f : shift[channel]);
            }
            MatrixMultiply.accumulate(kernel, 0, outChannels, depth, columns, sums, count * span);
            for (int i = 0; i < count; i++) {
                for (int channel = 0; channel < outChannels; channel++) {
                    int target = ((first + i) * outChannels + channel) * plane;
                    for (int oy = 0; oy < outH; oy++) {
                        System.arraycopy(sums[channel], i * span + oy * width, output, target + oy * outW, outW);
                    }
                }
            }
        }
        return output;
    }

    /**
     * im2col: row {@code (c·kernelH + ki)·kernelW + kj} of {@code columns} receives, from
     * {@code columnOffset} on, for every output position of one image the input value that kernel tap
     * multiplies (zero where it falls into the padding).
     */
    private void unfold(float[] x, int image, int height, int width, int outH, int outW, float[][] columns,
                        int columnOffset) {
        int row = 0;
        for (int c = 0; c < inChannels; c++) {
            int planeStart = (image * inChannels + c) * height * width;
            for (int ki = 0; ki < kernelH; ki++) {
                for (int kj = 0; kj < kernelW; kj++) {
                    float[] column = columns[row++];
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * strideH - paddingH + ki;
                        int dst = columnOffset + oy * outW;
                        if (iy < 0 || iy >= height) {
                            Arrays.fill(column, dst, dst + outW, 0f);
                        } else if (strideW == 1) {
                            copyRow(x, planeStart + iy * width, width, kj - paddingW, column, dst, outW);
                        } else {
                            int src = planeStart + iy * width;
                            for (int ox = 0; ox < outW; ox++) {
                                int ix = ox * strideW - paddingW + kj;
                                column[dst + ox] = ix >= 0 && ix < width ? x[src + ix] : 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Copies {@code x[rowStart + ox + shift]} for {@code ox < count} into {@code column}, zero outside the row. */
    private static void copyRow(float[] x, int rowStart, int width, int shift, float[] column, int dst, int count) {
        int first = Math.min(count, Math.max(0, -shift));
        int end = Math.max(first, Math.min(count, width - shift));
        // the fills are empty except at a padded edge; skipping them saves their range checks on every row
        if (first > 0) {
            Arrays.fill(column, dst, dst + first, 0f);
        }
        if (end > first) {
            System.arraycopy(x, rowStart + first + shift, column, dst + first, end - first);
        }
        if (end < count) {
            Arrays.fill(column, dst + end, dst + count, 0f);
        }
    }

    @Override
    public String toString() {
        return "Conv2d(" + inChannels + ", " + outChannels + ", kernel_size=(" + kernelH + ", " + kernelW + "), stride=("
                + strideH + ", " + strideW + "), padding=(" + paddingH + ", " + paddingW + "), bias=" + (bias != null) + ")";
    }
}
