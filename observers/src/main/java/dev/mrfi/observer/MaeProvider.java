package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code MAE}: the mean absolute error of faulty tensors against golden ones.
 *
 * <p>Each faulty tensor is paired with the golden tensor passed just before it. As in the reference the
 * result is {@code mean over pairs of mean(|faulty - golden|)}, every pair weighing the same whatever its
 * size. A faulty tensor with no golden tensor waiting is an {@link IllegalStateException}, one of another
 * shape an {@link IllegalArgumentException}. The result is a Double, NaN until a non-empty pair is seen.
 */
public final class MaeProvider implements ObserverProvider {

    @Override
    public String name() {
        return "MAE";
    }

    @Override
    public String description() {
        return "Mean absolute error of each faulty tensor against the golden tensor just before it, averaged"
                + " over pairs with every pair weighted equally.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new Mae();
    }
}
