package dev.mrfi.observer;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;

/**
 * {@code UniformSampling}: a true reservoir sample of the values seen, golden passes included.
 *
 * <p>Every value seen so far is in the sample with the same probability {@code min(1, max_num / seen)},
 * whatever the tensor ranks, sizes and order. The result is a new flat {@code float[]} of
 * {@code min(max_num, values seen)} values in no particular order, null until a tensor is seen. Unlike the
 * reference it samples without replacement, works for tensors of any rank, and takes its size and seed as
 * parameters instead of a global class attribute and the global generator.
 */
public final class UniformSamplingProvider implements ObserverProvider {

    static final ParameterSpec<Integer> MAX_NUM = ParameterSpec
            .optional("max_num", ValueTypes.INT, 10000, "Largest number of values kept in the sample.")
            .constrainedBy(Constraint.intRange(1, (int) TensorShape.MAX_ELEMENTS));
    static final ParameterSpec<Integer> SEED = ParameterSpec
            .optional("seed", ValueTypes.INT, 0,
                    "Seed of the sampling's random draws; each observer starts from it again when created or"
                            + " reset.");

    private static final ParameterSchema SCHEMA = ParameterSchema.of(MAX_NUM, SEED);

    @Override
    public String name() {
        return "UniformSampling";
    }

    @Override
    public String description() {
        return "Uniform random sample without replacement of min(max_num, values seen) of every value seen,"
                + " golden passes included, as a flat float array.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Observer create(PluginConfig config) {
        return new ReservoirSample(config.get(MAX_NUM), config.get(SEED));
    }
}
