package dev.mrfi.core.config;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.api.quantization.ScaleEncoding;
import dev.mrfi.core.problem.CoreErrorId;
import java.util.List;
import java.util.Optional;

/**
 * Validates an entry whose {@code target} includes scales: it needs a layerwise quantization whose scheme
 * exposes scales, and an integer error mode must read exactly the code the scales are stored as.
 */
final class ScaleTargets {

    private ScaleTargets() {
    }

    static void check(String path, Optional<FaultInjectEntry.Bound<QuantizationProvider, Quantization>> quantization,
                      boolean layerwise,
                      Optional<FaultInjectEntry.Bound<ErrorModeProvider, ErrorMode>> errorMode,
                      List<ConfigProblem> problems) {
        if (quantization.isEmpty()) {
            problems.add(new ConfigProblem(CoreErrorId.NO_SCALES, path + ".target", "target: scales injects into the"
                    + " scales of a quantization, but the entry has no quantization. Add a quantization block that"
                    + " exposes scales (for example MxQuantization, PerChannelQuantization or SymmericQuantization),"
                    + " or use target: values."));
            return;
        }
        Optional<ScaleEncoding> encoding = quantization.get().operator().scaleEncoding();
        if (encoding.isEmpty()) {
            problems.add(new ConfigProblem(CoreErrorId.NO_SCALES, path + ".target", quantization.get().name()
                    + " exposes no scales to inject into. Use target: values, or a quantization that exposes"
                    + " scales (for example MxQuantization, PerChannelQuantization or SymmericQuantization)."));
            return;
        }
        if (!layerwise) {
            problems.add(new ConfigProblem(ErrorId.INVALID_VALUE, path + ".quantization.layerwise", "target: "
                    + "scales needs layerwise: true: a corrupted scale changes every value it covers, so the whole"
                    + " tensor must be quantized. Remove 'layerwise: false' or use target: values."));
        }
        if (errorMode.isEmpty()) {
            return;
        }
        Optional<IntegerCode> read = errorMode.get().operator().code();
        if (read.isEmpty()) {
            return;
        }
        Optional<IntegerCode> stored = encoding.get().code();
        if (stored.isEmpty()) {
            problems.add(new ConfigProblem(CoreErrorId.INCONSISTENT_BIT_WIDTH, path + ".error_mode",
                    errorMode.get().name() + " reads " + article(read.get()) + " code, but the scales of "
                            + quantization.get().name() + " are float32 values (" + encoding.get().bitsPerScale()
                            + " bits). Use a float error mode such as FloatRandomBitFlip for target: scales."));
        } else if (!stored.get().equals(read.get())) {
            problems.add(new ConfigProblem(CoreErrorId.INCONSISTENT_BIT_WIDTH, path + ".error_mode.bit_width",
                    errorMode.get().name() + " reads " + article(read.get()) + " code but the scales of "
                            + quantization.get().name() + " are stored as " + article(stored.get()) + " code ("
                            + encoding.get() + "). Set error_mode.bit_width to " + stored.get().bitWidth()
                            + (stored.get().signed() ? " with signed: true." : " with signed: false.")));
        }
    }

    private static String article(IntegerCode code) {
        return (code.signed() ? "a " : "an ") + code;
    }
}
