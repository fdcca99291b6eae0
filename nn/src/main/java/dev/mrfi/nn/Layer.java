package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import dev.mrfi.core.engine.ForwardHooks;
import java.util.Map;

/**
 * One module of a {@link Network}: a layer such as {@link Conv2d}, or a container of named children
 * such as {@link Sequential}. The equivalent of PyTorch's {@code nn.Module} in inference mode.
 *
 * <p>A layer does not know its own name; its parent names it, and its full name is the dotted path
 * from the root, as in PyTorch's {@code named_modules()}. Layers are immutable and thread-safe: their
 * weights are copied at construction and never written, and every forward pass allocates its own
 * buffers. Only the classes of this package extend it.
 */
public abstract class Layer {

    Layer() {
    }

    /**
     * Returns the type name configurations match with {@code module_type}, PyTorch's class name, for
     * example {@code Conv2d}.
     *
     * @return the type name
     */
    public abstract String typeName();

    /**
     * Returns the layer's own weight tensors (not its children's), in PyTorch's declaration order.
     *
     * @return weight name, such as {@code weight} or {@code bias}, to shape; empty for a layer without
     *         weights
     */
    public Map<String, TensorShape> weightShapes() {
        return Map.of();
    }

    /**
     * Returns the direct children in execution order.
     *
     * @return child name to child; empty for a leaf layer
     */
    public Map<String, Layer> children() {
        return Map.of();
    }

    /**
     * Computes the output shape for an input shape, checking that the layer accepts it.
     *
     * @param input the input shape, batch first
     * @return the output shape, batch first
     * @throws IllegalArgumentException if the layer cannot take an input of that shape
     */
    public abstract TensorShape outputShape(TensorShape input);

    /**
     * Like {@link #outputShape}, with the module's full name and type in the error message. Containers
     * override it to check their children under their own names.
     */
    TensorShape checkedOutputShape(String fullName, TensorShape input) {
        try {
            return outputShape(input);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("module '" + fullName + "' (" + typeName() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Runs the layer between its input and output hooks. The input tensor belongs to this pass and may
     * have been changed by hooks; it is not written by the layer itself.
     */
    final Tensor forward(String fullName, Tensor input, ForwardHooks hooks) {
        hooks.onInput(fullName, input.data(), input.shape());
        Tensor output = compute(fullName, input, hooks);
        hooks.onOutput(fullName, output.data(), output.shape());
        return output;
    }

    /**
     * Computes the output of an input whose shape {@link #outputShape} accepted, fetching each weight
     * through {@link #weightFor}.
     */
    abstract Tensor compute(String fullName, Tensor input, ForwardHooks hooks);

    /**
     * Asks the hooks which values of a weight to use in this pass and checks the answer.
     */
    static float[] weightFor(ForwardHooks hooks, String fullName, String weightName, float[] clean, TensorShape shape) {
        float[] used = hooks.onWeight(fullName, weightName, clean, shape);
        if (used == null || used.length != clean.length) {
            throw new IllegalStateException("the weight hook returned " + (used == null ? "null" : used.length + " values")
                    + " for '" + fullName + "' " + weightName + " of shape " + shape + ", which needs " + clean.length);
        }
        return used;
    }

    /** Joins a parent's full name and a child's name the way PyTorch does: the root's children have bare names. */
    static String childName(String parentFullName, String childName) {
        return parentFullName.isEmpty() ? childName : parentFullName + "." + childName;
    }

    /**
     * The weight map of a layer with a {@code weight} and an optional {@code bias}, in that order.
     *
     * @param weight the weight's shape
     * @param bias   the bias's shape, or null for a layer without bias
     * @return an unmodifiable map
     */
    static Map<String, TensorShape> weightAndBiasShapes(TensorShape weight, TensorShape bias) {
        Map<String, TensorShape> shapes = new java.util.LinkedHashMap<>();
        shapes.put("weight", weight);
        if (bias != null) {
            shapes.put("bias", bias);
        }
        return java.util.Collections.unmodifiableMap(shapes);
    }
}
