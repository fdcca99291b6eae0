package dev.mrfi.core.engine;

import dev.mrfi.api.TensorShape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a host framework describes one module of its model to the injector: the dotted full name (the
 * root is {@code ""}), a type name such as {@code Conv2d} or {@code Linear}, and its named weight
 * tensors with their shapes.
 *
 * @param fullName dotted path, for example {@code features.conv1}
 * @param typeName the module's type name, matched by {@code module_type}
 * @param weights  weight name to shape, in declaration order
 */
public record ModuleDescriptor(String fullName, String typeName, Map<String, TensorShape> weights) {

    /**
     * Checks and copies the arguments.
     */
    public ModuleDescriptor {
        Objects.requireNonNull(fullName, "fullName is null");
        Objects.requireNonNull(typeName, "typeName is null");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(weights, "weights is null")));
    }
}
