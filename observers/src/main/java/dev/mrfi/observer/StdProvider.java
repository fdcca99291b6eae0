package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code Std}: the reference's name for a root mean square, golden passes included.
 *
 * <p>The result is {@code sqrt(mean over tensors of mean(x^2))}, every tensor weighing the same whatever
 * its size; the mean is not subtracted, so a constant 5 gives 5.0. Empty tensors are skipped. Sums are in
 * double. The result is a Double, null until a non-empty tensor is seen.
 */
public final class StdProvider implements ObserverProvider {

    @Override
    public String name() {
        return "Std";
    }

    @Override
    public String description() {
        return "Root mean square, not a standard deviation: sqrt of the mean over tensors of each tensor's"
                + " mean square, every tensor weighted equally, golden passes included.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new RootMeanSquare();
    }
}
