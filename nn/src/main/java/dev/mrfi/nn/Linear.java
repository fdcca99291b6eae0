package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A fully connected layer like PyTorch's {@code nn.Linear}: {@code y = x·weightᵀ + bias} over the last
 * dimension, input {@code [..., inFeatures]}, output {@code [..., outFeatures]}. Weights {@code weight}
 * {@code [outFeatures, inFeatures]} (PyTorch's layout) and optionally {@code bias} {@code [outFeatures]}.
 *
 * <p>Computed as one matrix product over the whole batch. Immutable and thread-safe.
 */
public final class Linear extends Layer {

    private final int inFeatures;
    private final int outFeatures;
    private final float[] weight;
    private final TensorShape weightShape;
    private final float[] bias;
    private final TensorShape biasShape;
    private final Map<String, TensorShape> weightShapes;

    /**
     * Creates the layer.
     *
     * @param weight {@code [outFeatures, inFeatures]}; copied
     * @param bias   {@code [outFeatures]}, or null for none; copied
     * @throws IllegalArgumentException if a shape is invalid
     */
    public Linear(Tensor weight, Tensor bias) {
        Objects.requireNonNull(weight, "weight is null");
        TensorShape shape = weight.shape();
        if (shape.rank() != 2 || shape.size() == 0) {
            throw new IllegalArgumentException("Linear weight must have shape [outFeatures, inFeatures] with no zero"
                    + " dimension, got " + shape);
        }
        this.outFeatures = shape.dim(0);
        this.inFeatures = shape.dim(1);
        this.weight = weight.data().clone();
        this.weightShape = shape;
        if (bias != null && !bias.shape().equals(TensorShape.of(outFeatures))) {
            throw new IllegalArgumentException("Linear bias must have shape [" + outFeatures + "], got " + bias.shape());
        }
        this.bias = bias == null ? null : bias.data().clone();
        this.biasShape = bias == null ? null : bias.shape();
        this.weightShapes = weightAndBiasShapes(weightShape, biasShape);
    }

    @Override
    public String typeName() {
        return "Linear";
    }

    @Override
    public Map<String, TensorShape> weightShapes() {
        return weightShapes;
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        if (input.rank() < 1 || input.dim(input.rank() - 1) != inFeatures) {
            throw new IllegalArgumentException("expects input of shape [..., " + inFeatures + "], got " + input);
        }
        int[] dims = input.dims();
        dims[dims.length - 1] = outFeatures;
        return TensorShape.of(dims);
    }

    /** Computes yᵀ = weight·xᵀ so that the long axis of the product is the batch, whatever outFeatures is. */
    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        TensorShape outShape = outputShape(input.shape());
        float[] matrix = pass.weight("weight", weight);
        float[] shift = bias == null ? null : pass.weight("bias", bias);
        float[] x = input.data();
        int rows = x.length / inFeatures;
        float[][] xTransposed = new float[inFeatures][rows];
        for (int r = 0; r < rows; r++) {
            int offset = r * inFeatures;
            for (int i = 0; i < inFeatures; i++) {
                xTransposed[i][r] = x[offset + i];
            }
        }
        float[][] sums = new float[outFeatures][rows];
        for (int o = 0; o < outFeatures; o++) {
            Arrays.fill(sums[o], shift == null ? 0f : shift[o]);
        }
        MatrixMultiply.accumulate(matrix, 0, outFeatures, inFeatures, xTransposed, sums, rows);
        float[] y = new float[outShape.size()];
        for (int o = 0; o < outFeatures; o++) {
            float[] column = sums[o];
            for (int r = 0; r < rows; r++) {
                y[r * outFeatures + o] = column[r];
            }
        }
        return new Tensor(outShape, y);
    }

    @Override
    public String toString() {
        return "Linear(in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (bias != null) + ")";
    }
}
