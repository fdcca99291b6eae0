package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One module's part of a forward pass, handed to {@link Layer#compute}: the module's full name, its
 * weights as the hooks answer for them, and its children run under their own names.
 *
 * <p>Valid only during the {@code compute} call it was passed to; not thread-safe (a pass runs on one
 * thread). It checks that the layer keeps its side of the contract: every weight it declared in
 * {@link Layer#weightShapes()} fetched exactly once, in declaration order, with an array that fits
 * the declared shape, so that what {@link Network#describe()} reports is what the hooks see.
 */
public final class LayerPass {

    private final Layer layer;
    private final String moduleName;
    private final ForwardHooks hooks;
    private List<String> declaredNames;
    private Map<String, TensorShape> declared;
    private int fetched;
    private boolean finished;

    LayerPass(Layer layer, String moduleName, ForwardHooks hooks) {
        this.layer = layer;
        this.moduleName = moduleName;
        this.hooks = hooks;
    }

    /**
     * Returns the module's full name, the dotted path from the root under which it is described and
     * hooked, for example {@code features.0}; {@code ""} for the root.
     *
     * @return the full name
     */
    public String moduleName() {
        return moduleName;
    }

    /**
     * Asks the hooks which values of a declared weight to use in this pass. Call it once per weight
     * of {@link Layer#weightShapes()}, in that order, and compute with the array returned.
     *
     * @param name  the weight's name as declared
     * @param clean the layer's clean values, {@code shape.size()} of them; never written, by the hooks
     *              either, so the layer may pass its own array
     * @return the values to use: {@code clean} itself or a copy holding faults; do not write it
     * @throws IllegalArgumentException if the weight is not declared or {@code clean} does not fit its
     *                                  shape
     * @throws IllegalStateException    if weights are fetched out of order or twice, the pass is over,
     *                                  or a hook answers with an array of the wrong length
     */
    public float[] weight(String name, float[] clean) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(clean, "clean is null");
        checkOpen();
        if (declared == null) {
            declared = layer.weightShapes();
            declaredNames = new ArrayList<>(declared.keySet());
        }
        TensorShape shape = declared.get(name);
        if (shape == null) {
            throw new IllegalArgumentException(describeModule() + " asks for weight '" + name
                    + "', which it does not declare; declared: " + declaredNames);
        }
        if (fetched >= declaredNames.size() || !declaredNames.get(fetched).equals(name)) {
            throw new IllegalStateException(describeModule() + " asks for weight '" + name
                    + "' out of turn; each declared weight is fetched once, in the order " + declaredNames);
        }
        if (clean.length != shape.size()) {
            throw new IllegalArgumentException(describeModule() + " passes " + clean.length + " values for weight '"
                    + name + "', declared with shape " + shape + ", which needs " + shape.size());
        }
        float[] used = hooks.onWeight(moduleName, name, clean, shape);
        if (used == null || used.length != clean.length) {
            throw new IllegalStateException("the weight hook returned " + (used == null ? "null" : used.length + " values")
                    + " for '" + moduleName + "' " + name + " of shape " + shape + ", which needs " + clean.length);
        }
        fetched++;
        return used;
    }

    /**
     * Runs one of the layer's {@link Layer#children() children} under its full name, with its own input
     * and output hooks. For containers.
     *
     * @param name  the child's name in {@link Layer#children()}
     * @param input its input, batch first; shape already checked by the container's
     *              {@link Layer#outputShape}
     * @return the child's output, already seen by its output hook
     * @throws IllegalArgumentException if the layer has no child of that name
     * @throws IllegalStateException    if the pass is over
     */
    public Tensor runChild(String name, Tensor input) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(input, "input is null");
        checkOpen();
        Layer child = layer.children().get(name);
        if (child == null) {
            throw new IllegalArgumentException(describeModule() + " has no child '" + name + "'; children: "
                    + layer.children().keySet());
        }
        return child.forward(Layer.childName(moduleName, name), input, hooks);
    }

    /** Ends the pass, checking that the layer returned a tensor and fetched every weight it declared. */
    void finish(Tensor output) {
        finished = true;
        if (output == null) {
            throw new IllegalStateException(describeModule() + " returned no output tensor");
        }
        int declaredCount = declared == null ? layer.weightShapes().size() : declaredNames.size();
        if (fetched < declaredCount) {
            List<String> names = declaredNames == null ? new ArrayList<>(layer.weightShapes().keySet()) : declaredNames;
            throw new IllegalStateException(describeModule() + " did not fetch weight '" + names.get(fetched)
                    + "' through LayerPass.weight, so its hooks were not called; declared: " + names);
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the pass of module '" + moduleName + "' is over; a LayerPass is valid"
                    + " only inside the compute call it was given to");
        }
    }

    private String describeModule() {
        return "module '" + moduleName + "' (" + layer.typeName() + ")";
    }

    @Override
    public String toString() {
        return "LayerPass(" + moduleName + ")";
    }
}
