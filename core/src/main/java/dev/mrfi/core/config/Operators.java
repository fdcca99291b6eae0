package dev.mrfi.core.config;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.selector.SelectorProvider;
import dev.mrfi.core.problem.CoreErrorId;

/**
 * The one place where validated blocks become operators: loading, every typed edit of a loaded
 * configuration, and each trial's observers go through here, so a provider whose {@code create} fails is
 * reported the same way everywhere, under its block's YAML path.
 */
public final class Operators {

    private Operators() {
    }

    /**
     * Builds the operator of a validated block.
     *
     * @param plugin the provider and its validated parameters
     * @param <P>    the provider type
     * @param <O>    the operator type
     * @return the block with its operator
     * @throws ConfigurationException with id {@link ErrorId#PLUGIN_CREATE_FAILURE} if the provider's
     *                                {@code create} throws or returns null
     */
    @SuppressWarnings("unchecked")
    static <P extends PluginProvider, O> FaultInjectEntry.Bound<P, O> create(BoundPlugin<P> plugin) {
        P provider = plugin.provider();
        Object operator;
        try {
            if (provider instanceof QuantizationProvider) {
                operator = ((QuantizationProvider) provider).create(plugin.config());
            } else if (provider instanceof SelectorProvider) {
                operator = ((SelectorProvider) provider).create(plugin.config());
            } else if (provider instanceof ErrorModeProvider) {
                operator = ((ErrorModeProvider) provider).create(plugin.config());
            } else {
                throw new IllegalArgumentException("not an injection plugin: " + provider.kind());
            }
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.problems().stream().map(p -> p.under(plugin.path())).toList());
        } catch (RuntimeException | LinkageError e) {
            throw failure(plugin, "threw " + e);
        }
        if (operator == null) {
            throw failure(plugin, "returned null");
        }
        return new FaultInjectEntry.Bound<>(plugin, (O) operator);
    }

    /**
     * Creates a fresh observer for one trial: observers hold state, so each trial gets its own.
     *
     * @param plugin the observer's provider and validated parameters
     * @return the observer
     * @throws ConfigurationException with id {@link ErrorId#PLUGIN_CREATE_FAILURE} if the provider's
     *                                {@code create} throws or returns null
     */
    public static Observer observer(BoundPlugin<ObserverProvider> plugin) {
        Observer observer;
        try {
            observer = plugin.provider().create(plugin.config());
        } catch (RuntimeException | LinkageError e) {
            throw failure(plugin, "threw " + e);
        }
        if (observer == null) {
            throw failure(plugin, "returned null");
        }
        return observer;
    }

    private static ConfigurationException failure(BoundPlugin<?> plugin, String what) {
        return new ConfigurationException(new ConfigProblem(CoreErrorId.PLUGIN_CREATE_FAILURE, plugin.path(), "the "
                + plugin.provider().kind().displayName() + " plugin '" + plugin.provider().name() + "' accepted "
                + plugin.config().values() + " but its create() " + what));
    }
}
