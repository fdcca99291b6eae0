package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code RMSE}: the root mean squared error of faulty tensors against golden ones.
 *
 * <p>Each faulty tensor is paired with the golden tensor passed just before it. As in the reference the
 * result is {@code sqrt(mean over pairs of mean((faulty - golden)^2))}, every pair weighing the same
 * whatever its size. A faulty tensor with no golden tensor waiting is an {@link IllegalStateException}, one
 * of another shape an {@link IllegalArgumentException}. The result is a Double, NaN (as in the reference)
 * until a non-empty pair is seen.
 */
public final class RmseProvider implements ObserverProvider {

    @Override
    public String name() {
        return "RMSE";
    }

    @Override
    public String description() {
        return "Root mean squared error of each faulty tensor against the golden tensor just before it: sqrt"
                + " of the mean over pairs of each pair's mean squared error, every pair weighted equally.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new Rmse();
    }
}
