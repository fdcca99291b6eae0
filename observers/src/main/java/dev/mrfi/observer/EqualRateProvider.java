package dev.mrfi.observer;

import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code EqualRate}: the fraction of faulty values equal to their golden values.
 *
 * <p>Each faulty tensor is paired with the golden tensor passed just before it. The result is the mean over
 * pairs of the fraction of positions where {@code faulty == golden} as floats (NaN equals nothing, -0.0
 * equals 0.0), every pair weighing the same whatever its size. A faulty tensor with no golden tensor
 * waiting is an {@link IllegalStateException}, one of another shape an {@link IllegalArgumentException}.
 * The result is a Double in [0, 1], NaN until a non-empty pair is seen.
 */
public final class EqualRateProvider implements ObserverProvider {

    @Override
    public String name() {
        return "EqualRate";
    }

    @Override
    public String description() {
        return "Fraction of faulty values exactly equal to the golden values just before them, averaged over"
                + " pairs with every pair weighted equally.";
    }

    @Override
    public ParameterSchema parameters() {
        return ParameterSchema.empty();
    }

    @Override
    public Observer create(PluginConfig config) {
        return new EqualRate();
    }
}
