package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One module of a {@link Network}: a layer such as {@link Conv2d}, or a container of named children
 * such as {@link Sequential}. The equivalent of PyTorch's {@code nn.Module} in inference mode.
 *
 * <p>A new layer type is a subclass in any package; {@link Sequential} and {@link Network} take it like
 * a built-in one:
 * <pre>{@code
 * public final class Scale extends Layer {
 *     private final float[] factor;                      // one per feature, [features]
 *     private final TensorShape factorShape;
 *
 *     public String typeName() { return "Scale"; }
 *     public Map<String, TensorShape> weightShapes() { return Map.of("factor", factorShape); }
 *     public TensorShape outputShape(TensorShape input) { return input; }
 *
 *     protected Tensor compute(Tensor input, LayerPass pass) {
 *         float[] f = pass.weight("factor", factor);     // the injector's view of the clean weights
 *         float[] x = input.data();
 *         float[] y = new float[x.length];                // never write the input
 *         for (int i = 0; i < x.length; i++) {
 *             y[i] = x[i] * f[i % f.length];
 *         }
 *         return new Tensor(input.shape(), y);
 *     }
 * }
 * }</pre>
 *
 * <p>What the network guarantees a subclass, and what it expects in return:
 * <ul>
 *   <li>The network calls the input hook before {@link #compute} and the output hook on the tensor it
 *       returns; a subclass never calls hooks on activations itself.</li>
 *   <li>{@link #weightShapes()} is what {@link Network#describe()} reports. {@link #compute} fetches
 *       every declared weight once, in that order, through {@link LayerPass#weight}, and computes with
 *       the arrays returned; the network checks this after each pass.</li>
 *   <li>{@link #outputShape} has accepted the input's shape before {@link #compute} is called.</li>
 *   <li>{@link #compute} reads its input without writing it and returns a new tensor: the input may be
 *       the previous module's output, which its output hook has already seen.</li>
 * </ul>
 *
 * <p>A layer does not know its own name; its parent names it, and its full name is the dotted path
 * from the root, as in PyTorch's {@code named_modules()}; {@link LayerPass#moduleName()} tells it
 * during a pass. Layers must be immutable and thread-safe: weights copied at construction and never
 * written, and every pass allocating its own buffers, so that any number of threads may run a network
 * at once.
 */
public abstract class Layer {

    /** For subclasses. */
    protected Layer() {
    }

    /**
     * Returns the type name configurations match with {@code module_type}, PyTorch's class name, for
     * example {@code Conv2d}.
     *
     * @return the type name; the same on every call
     */
    public abstract String typeName();

    /**
     * Returns the layer's own weight tensors (not its children's), in PyTorch's declaration order. This
     * is what {@link Network#describe()} reports and what {@link LayerPass#weight} accepts.
     *
     * @return weight name, such as {@code weight} or {@code bias}, to shape; empty (the default) for a
     *         layer without weights; the same on every call
     */
    public Map<String, TensorShape> weightShapes() {
        return Map.of();
    }

    /**
     * Returns the direct children in execution order. A container that overrides it runs each child
     * with {@link LayerPass#runChild}.
     *
     * @return child name to child; empty (the default) for a leaf layer
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
     * Computes the output for an input whose shape {@link #outputShape} accepted. Called by the network
     * between the module's input and output hooks.
     *
     * @param input the input, batch first; read, never written
     * @param pass  this module's part of the current pass: its full name and its weights as the hooks
     *              answer for them; valid only during this call
     * @return a new tensor of the shape {@link #outputShape} gives
     */
    protected abstract Tensor compute(Tensor input, LayerPass pass);

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
        hooks.onInput(fullName, 0, input.data(), input.shape());
        LayerPass pass = new LayerPass(this, fullName, hooks);
        Tensor output = compute(input, pass);
        pass.finish(output);
        hooks.onOutput(fullName, output.data(), output.shape());
        return output;
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
        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        shapes.put("weight", weight);
        if (bias != null) {
            shapes.put("bias", bias);
        }
        return Collections.unmodifiableMap(shapes);
    }
}
