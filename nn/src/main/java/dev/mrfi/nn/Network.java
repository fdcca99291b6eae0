package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A model ready for inference: a tree of {@link Layer}s under a root whose full name is {@code ""}, with
 * the description the injector plans against and a forward pass that calls its hooks.
 *
 * <pre>{@code
 * Network lenet = LeNet.embedded();
 * Tensor logits = lenet.forward(images, TensorShape.of(n, 1, 28, 28), hooks);
 * }</pre>
 *
 * <p>Guarantees:
 * <ul>
 *   <li>Every module, the root and containers included, gets {@code onInput} before it runs and
 *       {@code onOutput} after, with its full name (the dotted path, as in PyTorch's
 *       {@code named_modules()}) and the whole batch. A module with weights asks
 *       {@code onWeight} for each of them, in {@link Layer#weightShapes()} order, after its input hook,
 *       and computes with the arrays returned.</li>
 *   <li>The caller's input array is never written: the pass starts on a copy.</li>
 *   <li>The clean weights are never written by the network. They are passed to {@code onWeight} as they
 *       are, without a copy, so a hook must not write them either ({@link ForwardHooks} promises
 *       this).</li>
 *   <li>Shapes are checked for the whole network before the first hook is called.</li>
 *   <li>Thread-safe: any number of threads may run passes at once, each with its own hooks.</li>
 * </ul>
 * A layer instance placed at two paths is two modules, one per path.
 */
public final class Network {

    private final Layer root;
    private final List<ModuleDescriptor> modules;

    /**
     * Creates a network around its root module.
     *
     * @param root the root, typically a {@link Sequential} under the model's type name
     */
    public Network(Layer root) {
        this.root = Objects.requireNonNull(root, "root is null");
        List<ModuleDescriptor> descriptors = new ArrayList<>();
        describe("", root, descriptors);
        this.modules = Collections.unmodifiableList(descriptors);
    }

    private static void describe(String fullName, Layer layer, List<ModuleDescriptor> into) {
        into.add(new ModuleDescriptor(fullName, layer.typeName(), layer.weightShapes()));
        for (Map.Entry<String, Layer> child : layer.children().entrySet()) {
            describe(Layer.childName(fullName, child.getKey()), child.getValue(), into);
        }
    }

    /**
     * Returns the root module.
     *
     * @return the root, full name {@code ""}
     */
    public Layer root() {
        return root;
    }

    /**
     * Describes every module, the root first, then depth-first in execution order.
     *
     * @return immutable descriptors: full name, type name, weight names and shapes
     */
    public List<ModuleDescriptor> describe() {
        return modules;
    }

    /**
     * Computes the output shape for an input shape, checking every module on the way.
     *
     * @param input the input shape, batch first
     * @return the output shape
     * @throws IllegalArgumentException naming the first module that cannot take its input
     */
    public TensorShape outputShape(TensorShape input) {
        Objects.requireNonNull(input, "input is null");
        return root.checkedOutputShape("", input);
    }

    /**
     * Runs a forward pass over a batch.
     *
     * @param input the batch, row-major; not modified
     * @param shape its shape, batch first (NCHW for images)
     * @param hooks the hooks of this pass, {@link ForwardHooks#NONE} for a plain run
     * @return the root's output, for a classifier the logits {@code [N, classes]}; a new array
     * @throws IllegalArgumentException if the array length differs from the shape or a module cannot take
     *                                  its input; nothing has been called then
     */
    public Tensor forward(float[] input, TensorShape shape, ForwardHooks hooks) {
        Objects.requireNonNull(input, "input is null");
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(hooks, "hooks is null");
        if (input.length != shape.size()) {
            throw new IllegalArgumentException("input has " + input.length + " values but shape " + shape + " needs "
                    + shape.size());
        }
        outputShape(shape);
        return root.forward("", new Tensor(shape, input.clone()), hooks);
    }

    /**
     * Runs a forward pass over a batch.
     *
     * @param input the batch, batch first; not modified
     * @param hooks the hooks of this pass
     * @return the root's output
     * @see #forward(float[], TensorShape, ForwardHooks)
     */
    public Tensor forward(Tensor input, ForwardHooks hooks) {
        Objects.requireNonNull(input, "input is null");
        return forward(input.data(), input.shape(), hooks);
    }

    /**
     * Runs a plain forward pass, without hooks.
     *
     * @param input the batch, batch first; not modified
     * @return the root's output
     */
    public Tensor forward(Tensor input) {
        return forward(input, ForwardHooks.NONE);
    }

    @Override
    public String toString() {
        return "Network(" + root.typeName() + ", " + modules.size() + " modules)";
    }
}
