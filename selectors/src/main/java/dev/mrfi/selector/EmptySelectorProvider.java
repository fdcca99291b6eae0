package dev.mrfi.selector;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;

/** {@code EmptySelector}: no position, for debugging or to switch an injector off. */
public final class EmptySelectorProvider implements SelectorProvider {

    @Override
    public String name() {
        return "EmptySelector";
    }

    @Override
    public String description() {
        return "Selects no position, so nothing is injected.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Selector create(PluginConfig config) {
        return EmptySelector.INSTANCE;
    }
}
