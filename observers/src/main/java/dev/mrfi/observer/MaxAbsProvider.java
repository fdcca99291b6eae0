package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code MaxAbs}: the largest absolute value over every tensor seen, golden passes included.
 *
 * <p>The result is a Double, null until a non-empty tensor is seen. A NaN anywhere makes it NaN.
 */
public final class MaxAbsProvider implements ObserverProvider {

    @Override
    public String name() {
        return "MaxAbs";
    }

    @Override
    public String description() {
        return "Largest absolute value over every tensor seen, golden passes included.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new MaxAbs();
    }
}
