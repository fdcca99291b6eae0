package dev.mrfi.selector;

import dev.mrfi.api.config.Constraint;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.ParameterSpec;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.config.ValueTypes;
import dev.mrfi.api.selector.Selector;
import dev.mrfi.api.selector.SelectorProvider;
import java.util.List;

/**
 * {@code FixedPixelByNumber}: random channels at one pixel of a 4-D feature map. Unlike the reference,
 * a negative pixel is rejected instead of landing in a neighbouring row or channel.
 */
public final class FixedPixelByNumberProvider implements SelectorProvider {

    static final ParameterSpec<Integer> N = ParameterSpec
            .required("n", ValueTypes.INT,
                    "Number of (instance, channel) pairs drawn per call, or of channels per instance with"
                            + " per_instance.")
            .constrainedBy(Constraint.intAtLeast(0));
    static final ParameterSpec<List<Integer>> PIXEL = ParameterSpec
            .required("pixel", SelectorValueTypes.PIXEL,
                    "The pixel, as [h, w] or as the flat index h * W + w over the height and width dimensions.")
            .constrainedBy(SelectorParameters.NON_NEGATIVE_INDICES);

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(N, PIXEL, SelectorParameters.PER_INSTANCE, SelectorParameters.DISTINCT);

    @Override
    public String name() {
        return "FixedPixelByNumber";
    }

    @Override
    public String description() {
        return "Selects n random channels at one fixed pixel of a 4-D (instance, channel, height, width) tensor.";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public Selector create(PluginConfig config) {
        return new FixedPixelByNumber(config.get(N), SelectorParameters.toArray(config.get(PIXEL)),
                config.get(SelectorParameters.PER_INSTANCE), config.get(SelectorParameters.DISTINCT));
    }
}
