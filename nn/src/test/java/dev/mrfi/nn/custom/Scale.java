package dev.mrfi.nn.custom;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.Layer;
import dev.mrfi.nn.LayerPass;
import dev.mrfi.nn.Tensor;
import java.util.Map;

/** A layer written outside dev.mrfi.nn: multiplies each feature of the last dimension by its factor. */
final class Scale extends Layer {

    private final float[] factor;
    private final TensorShape factorShape;

    Scale(float... factor) {
        this.factor = factor.clone();
        this.factorShape = TensorShape.of(factor.length);
    }

    @Override
    public String typeName() {
        return "Scale";
    }

    @Override
    public Map<String, TensorShape> weightShapes() {
        return Map.of("factor", factorShape);
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        if (input.rank() < 1 || input.dim(input.rank() - 1) != factor.length) {
            throw new IllegalArgumentException("expects input of shape [..., " + factor.length + "], got " + input);
        }
        return input;
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        float[] f = pass.weight("factor", factor);
        float[] x = input.data();
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * f[i % f.length];
        }
        return new Tensor(input.shape(), y);
    }
}
