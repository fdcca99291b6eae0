package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code SaveLast}: copies of the last golden and the last faulty tensor.
 *
 * <p>The result is the unmodifiable list {@code [golden, faulty]} of new flat row-major {@code float[]}
 * copies, an element being null when no tensor of that kind was seen; null until a tensor is seen.
 */
public final class SaveLastProvider implements ObserverProvider {

    @Override
    public String name() {
        return "SaveLast";
    }

    @Override
    public String description() {
        return "Copies of the last golden and the last faulty tensor, as [golden, faulty] flat arrays.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new LastTensors();
    }
}
