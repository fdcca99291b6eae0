package dev.mrfi.core.engine;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.QuantizerScales;
import dev.mrfi.core.config.FaultInjectEntry;
import dev.mrfi.core.registry.PluginSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Faults in the scales of a quantizer, for entries with {@code target: scales} or {@code both}.
 *
 * <p>The scales of one tensor (one per block, channel or tensor) are a population of their own: the
 * entry's selector chooses among them as it chooses among values, from a one-dimensional shape of the
 * scale count, so a rate applies to the number of scales. The chosen scales' stored codes are gathered,
 * the error mode rewrites them in the scales' own encoding (8 bits for an E8M0 exponent), and the tensor is
 * then dequantized with a quantizer that uses the corrupted scales, so every value a corrupted scale covers
 * comes back wrong. The faults are drawn from the random stream of the site name followed by
 * {@code /scales}, independent of the stream of the values, and recorded under that name, with the scale's
 * index as its position.
 */
final class ScaleFaults {

    /** The suffix of the site name under which scale faults are drawn, recorded and replayed. */
    static final String SUFFIX = "/scales";

    private ScaleFaults() {
    }

    /**
     * Injects the faults of one call into a quantizer's scales.
     *
     * @param site      the site
     * @param call      the site's call count
     * @param seed      the trial's seed
     * @param quantizer the quantizer that quantized the tensor
     * @param sink      where fault records go
     * @param replay    the manifest to replay instead of drawing faults, if any
     * @return the quantizer to dequantize the tensor with: the given one when no scale was corrupted
     */
    static Quantizer inject(InjectionSite site, long call, long seed, Quantizer quantizer, FaultSink sink,
                            Optional<FaultReplay> replay) {
        QuantizerScales scales = quantizer.scales();
        int population = scales.count();
        if (population == 0) {
            return quantizer;
        }
        String name = site.name() + SUFFIX;
        FaultInjectEntry entry = site.entry();
        if (replay.isPresent()) {
            return replayed(name, call, quantizer, replay.get(), sink);
        }
        SplittableRandom random = SiteRandom.stream(seed, name, call);
        int[] indices;
        try {
            indices = entry.selector().isPresent()
                    ? entry.selector().get().operator().select(TensorShape.of(population), random) : null;
        } catch (RuntimeException e) {
            throw failure("selector", entry.selector().get().plugin().provider(), e);
        }
        int count = indices == null ? population : indices.length;
        if (count == 0) {
            return quantizer;
        }
        if (indices == null) {
            indices = new int[count];
            for (int k = 0; k < count; k++) {
                indices[k] = k;
            }
        }
        float[] codes = new float[count];
        for (int k = 0; k < count; k++) {
            if (indices[k] < 0 || indices[k] >= population) {
                throw new InjectionException("selector " + entry.selector().get().name() + " chose scale " + indices[k]
                        + ", outside the " + population + " scales of the tensor");
            }
            codes[k] = scales.code(indices[k]);
        }
        float[] before = sink == FaultSink.NONE ? null : codes.clone();
        ErrorMode errorMode = entry.errorMode().operator();
        try {
            errorMode.apply(codes, 0, count, random);
        } catch (RuntimeException e) {
            throw failure("error mode", entry.errorMode().plugin().provider(), e);
        }
        if (before != null) {
            for (int k = 0; k < count; k++) {
                sink.accept(new FaultRecord(name, call, entry.hook().label(), indices[k], new int[] {indices[k]},
                        before[k], codes[k], entry.errorMode().name()));
            }
        }
        return scales.withCodes(indices, codes, count);
    }

    private static Quantizer replayed(String name, long call, Quantizer quantizer, FaultReplay replay,
                                      FaultSink sink) {
        List<FaultRecord> faults = replay.faults(name, call);
        int count = faults.size();
        if (count == 0) {
            return quantizer;
        }
        QuantizerScales scales = quantizer.scales();
        int[] indices = new int[count];
        float[] codes = new float[count];
        for (int k = 0; k < count; k++) {
            FaultRecord fault = faults.get(k);
            if (fault.flatIndex() < 0 || fault.flatIndex() >= scales.count()) {
                throw new InjectionException("the manifest's scale " + fault.flatIndex() + " is outside the "
                        + scales.count() + " scales of the tensor");
            }
            indices[k] = fault.flatIndex();
            codes[k] = fault.after();
            sink.accept(fault);
        }
        return scales.withCodes(indices, codes, count);
    }

    private static InjectionException failure(String kind, dev.mrfi.api.PluginProvider provider, RuntimeException e) {
        String reason = e instanceof InjectionException ? e.getMessage() : e.toString();
        return new InjectionException(kind + " " + provider.name() + " (" + PluginSource.describe(provider)
                + ") failed on scales: " + reason, e);
    }
}
