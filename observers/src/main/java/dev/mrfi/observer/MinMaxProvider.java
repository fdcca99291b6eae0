package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code MinMax}: the smallest and largest value over every tensor seen, golden passes included.
 *
 * <p>The result is the list {@code [min, max]} of doubles, null until a non-empty tensor is seen. A NaN
 * anywhere makes both NaN, as {@code torch.min}/{@code torch.max} do.
 */
public final class MinMaxProvider implements ObserverProvider {

    @Override
    public String name() {
        return "MinMax";
    }

    @Override
    public String description() {
        return "Smallest and largest value over every tensor seen, golden passes included, as [min, max].";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new MinMax();
    }
}
