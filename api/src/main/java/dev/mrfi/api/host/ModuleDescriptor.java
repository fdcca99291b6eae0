package dev.mrfi.api.host;

import dev.mrfi.api.TensorShape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a host framework describes one module of its model to the injector: the dotted full name (the
 * root is {@code ""}), a type name such as {@code Conv2d} or {@code Linear}, and its own named weight
 * tensors with their shapes (not its children's).
 *
 * <p>Configurations select modules by these names ({@code module_name}) and type names
 * ({@code module_type}); the hooks receive the same full name and weight names while the model runs.
 * Immutable: the weight map is copied, keeps its order and cannot be modified.
 *
 * @param fullName dotted path from the root, for example {@code features.conv1}; {@code ""} for the root
 * @param typeName the module's type name, matched by {@code module_type}
 * @param weights  weight name to shape, in the order the host asks {@link ForwardHooks#onWeight} for them
 * @since 0.1
 */
public record ModuleDescriptor(String fullName, String typeName, Map<String, TensorShape> weights) {

    /**
     * Checks and copies the arguments.
     *
     * @throws NullPointerException if an argument, or a weight name or shape, is null
     */
    public ModuleDescriptor {
        Objects.requireNonNull(fullName, "fullName is null");
        Objects.requireNonNull(typeName, "typeName is null");
        Objects.requireNonNull(weights, "weights is null");
        Map<String, TensorShape> copy = new LinkedHashMap<>();
        weights.forEach((name, shape) -> copy.put(Objects.requireNonNull(name, "weight name is null"),
                Objects.requireNonNull(shape, "shape of weight '" + name + "' is null")));
        weights = Collections.unmodifiableMap(copy);
    }
}
