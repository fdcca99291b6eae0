package dev.mrfi.quant.symmetric;

import dev.mrfi.api.quantization.RangeStatistics;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.ScaleEncoding;
import java.util.Optional;

/**
 * Symmetric quantization with either a configured range or a run-time ({@code auto}) range.
 *
 * <p>The arithmetic reproduces the reference step by step in float32: quantize is
 * {@code ((x + D) * s) + (-L)}, clamped to {@code [-L, L]} and rounded half to even, with
 * {@code s = 2L / 2D}; dequantize is {@code ((c + L) * (2D / 2L)) - D}. A configured range computes the
 * factors in double and rounds them to float32. An {@code auto} range is a 0-d float32 tensor in the
 * reference, and PyTorch evaluates {@code 2L / (2D)} as {@code reciprocal(2D) * 2L} (two float32
 * roundings) and {@code 2D / 2L} as one float32 division. The paths differ in the last bit for some
 * ranges, and the golden vectors pin all of them.
 */
final class SymmetricQuantization implements Quantization {

    private final int bitWidth;
    private final double scaleFactor;
    /** Null for an auto range. */
    private final SymmetricQuantizer fixed;

    SymmetricQuantization(int bitWidth, double range, double scaleFactor) {
        this.bitWidth = bitWidth;
        this.scaleFactor = scaleFactor;
        double limit = limit(bitWidth);
        double span = range * scaleFactor;
        this.fixed = new SymmetricQuantizer((float) span, (float) limit,
                (float) ((2 * limit) / (2 * span)), (float) ((2 * span) / (2 * limit)));
    }

    SymmetricQuantization(int bitWidth, double scaleFactor) {
        this.bitWidth = bitWidth;
        this.scaleFactor = scaleFactor;
        this.fixed = null;
    }

    private static double limit(int bitWidth) {
        return Math.pow(2, bitWidth - 1) - 1;
    }

    @Override
    public IntegerCode code() {
        return IntegerCode.signed(bitWidth);
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        if (fixed != null) {
            return fixed;
        }
        float span = RangeStatistics.maxAbs(data, offset, length) * (float) scaleFactor;
        float limit = (float) limit(bitWidth);
        if (span == 0f) {
            return new ZeroRangeQuantizer(limit);
        }
        return forSpan(span, limit);
    }

    /** The quantizer of a run-time range; also the one a corrupted range of {@link SymmetricQuantizer#scales} gets. */
    static SymmetricQuantizer forSpan(float span, float limit) {
        float twiceLimit = 2f * limit;
        float twiceSpan = span * 2f;
        // the reference evaluates "number / 0-d tensor" as reciprocal(tensor) * number, two float32 roundings
        return new SymmetricQuantizer(span, limit, (1f / twiceSpan) * twiceLimit, twiceSpan / twiceLimit);
    }

    @Override
    public Optional<ScaleEncoding> scaleEncoding() {
        return Optional.of(ScaleEncoding.float32());
    }

    @Override
    public String toString() {
        return "SymmericQuantization(bit_width=" + bitWidth + ", dynamic_range="
                + (fixed == null ? "auto" : Float.toString(fixed.span)) + ", scale_factor=" + scaleFactor + ")";
    }
}
