package dev.mrfi.nn;

import dev.mrfi.api.TensorShape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Named children run one after the other, like PyTorch's {@code nn.Sequential}; also the root of a model
 * whose forward is a chain, under the model's own type name (for example {@code LeNet}).
 *
 * <pre>{@code
 * Sequential features = Sequential.indexed(new Conv2d(w0, b0, 1, 1), new ReLU(), new MaxPool2d(2));
 * // children "0", "1", "2"; inside a parent under the name "features": features.0, features.1, features.2
 * }</pre>
 *
 * <p>It gets input and output hooks of its own, like any PyTorch module: its input hook sees the array
 * its first child then receives, and its output hook the array its last child returned. Immutable and
 * thread-safe.
 */
public final class Sequential extends Layer {

    private final String typeName;
    private final Map<String, Layer> children;

    private Sequential(String typeName, Map<String, Layer> children) {
        this.typeName = typeName;
        this.children = Collections.unmodifiableMap(new LinkedHashMap<>(children));
    }

    /**
     * Returns a {@code Sequential} whose children are named {@code "0"}, {@code "1"}, ... as in PyTorch.
     *
     * @param layers the children in order
     * @return the container
     */
    public static Sequential indexed(Layer... layers) {
        Builder builder = builder("Sequential");
        for (int i = 0; i < layers.length; i++) {
            builder.add(Integer.toString(i), layers[i]);
        }
        return builder.build();
    }

    /**
     * Starts a container with the given type name.
     *
     * @param typeName {@code Sequential}, or a model's class name when the container is a model's root
     * @return a builder
     */
    public static Builder builder(String typeName) {
        return new Builder(typeName);
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Map<String, Layer> children() {
        return children;
    }

    @Override
    public TensorShape outputShape(TensorShape input) {
        TensorShape shape = input;
        for (Map.Entry<String, Layer> child : children.entrySet()) {
            shape = child.getValue().checkedOutputShape(child.getKey(), shape);
        }
        return shape;
    }

    @Override
    TensorShape checkedOutputShape(String fullName, TensorShape input) {
        TensorShape shape = input;
        for (Map.Entry<String, Layer> child : children.entrySet()) {
            shape = child.getValue().checkedOutputShape(childName(fullName, child.getKey()), shape);
        }
        return shape;
    }

    @Override
    protected Tensor compute(Tensor input, LayerPass pass) {
        Tensor current = input;
        for (String child : children.keySet()) {
            current = pass.runChild(child, current);
        }
        return current;
    }

    @Override
    public String toString() {
        return typeName + children.keySet();
    }

    /** Collects named children in order. Not thread-safe; the container it builds is. */
    public static final class Builder {

        private final String typeName;
        private final Map<String, Layer> children = new LinkedHashMap<>();

        private Builder(String typeName) {
            Objects.requireNonNull(typeName, "typeName is null");
            if (typeName.isBlank()) {
                throw new IllegalArgumentException("the type name of a container must not be blank");
            }
            this.typeName = typeName;
        }

        /**
         * Appends a child.
         *
         * @param name  its name inside this container: not empty, no dot, not used before
         * @param layer the child
         * @return this builder
         * @throws IllegalArgumentException if the name is empty, has a dot or is taken
         */
        public Builder add(String name, Layer layer) {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(layer, "layer is null");
            if (name.isEmpty() || name.contains(".")) {
                throw new IllegalArgumentException("child name '" + name + "' must be non-empty and contain no dot");
            }
            if (children.containsKey(name)) {
                throw new IllegalArgumentException("child name '" + name + "' is used twice in " + typeName
                        + "; names so far: " + children.keySet());
            }
            children.put(name, layer);
            return this;
        }

        /**
         * Builds the container.
         *
         * @return an immutable {@link Sequential}
         */
        public Sequential build() {
            return new Sequential(typeName, children);
        }
    }
}
