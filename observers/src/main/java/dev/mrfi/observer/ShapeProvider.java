package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code Shape}: the shape of the last tensor seen, golden or faulty.
 *
 * <p>The result is an unmodifiable {@code List<Integer>}, outermost dimension first (empty for a scalar),
 * null until a tensor is seen.
 */
public final class ShapeProvider implements ObserverProvider {

    @Override
    public String name() {
        return "Shape";
    }

    @Override
    public String description() {
        return "Shape of the last tensor seen, golden or faulty, as a list of dimensions.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new LastShape();
    }
}
