package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code MeanAbs}: the mean over tensors of each tensor's mean absolute value, golden passes included.
 *
 * <p>As in the reference every tensor weighs the same whatever its size: updates {@code [1]} and
 * {@code [3, 3, 3]} give 2.0, not 2.5. Empty tensors are skipped. Sums are in double. The result is a
 * Double, null until a non-empty tensor is seen (the reference divides by zero).
 */
public final class MeanAbsProvider implements ObserverProvider {

    @Override
    public String name() {
        return "MeanAbs";
    }

    @Override
    public String description() {
        return "Mean over tensors of each tensor's mean absolute value, every tensor weighted equally"
                + " whatever its size, golden passes included.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new MeanAbs();
    }
}
