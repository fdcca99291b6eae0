package dev.mrfi.nn.custom;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.Layer;
import dev.mrfi.nn.LayerPass;
import dev.mrfi.nn.Tensor;
import java.util.Map;

/** A container written outside dev.mrfi.nn: {@code x + body(x)}, its child named {@code body}. */
final class Residual extends Layer {

    private final Map<String, Layer> children;

    Residual(Layer body) {
        this.children = Map.of("body", body);
    }

    @Override
    public String typeName() {
        return "Residual";
    }

    @Override
    public Map<String, Layer> children() {
        return children;
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        TensorShape body = children.get("body").outputShape(input);
        if (!body.equals(input)) {
            throw new IllegalArgumentException("the body changes the shape " + input + " to " + body);
        }
        return input;
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        float[] x = input.data();
        float[] y = pass.runChild("body", input.copy()).data().clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += x[i];
        }
        return new Tensor(input.shape(), y);
    }
}
