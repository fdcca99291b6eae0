package dev.mrfi.quant.positive;

import dev.mrfi.api.quantization.RangeStatistics;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;

/**
 * Positive quantization with either a configured range or a run-time ({@code auto}) range.
 *
 * <p>Quantize is {@code x * (U / D)} clamped to {@code [0, U]} and rounded half to even, dequantize is
 * {@code c * (D / U)}, with {@code U = 2^b - 1}. A configured range computes the factors in double and
 * rounds them to float32. An {@code auto} range is a 0-d float32 tensor in the reference, where PyTorch
 * evaluates {@code U / D} as {@code reciprocal(D) * U} (two float32 roundings) and {@code D / U} as one
 * float32 division; both are reproduced here.
 */
final class PositiveQuantization implements Quantization {

    private final int bitWidth;
    private final double scaleFactor;
    /** Null for an auto range. */
    private final PositiveQuantizer fixed;

    PositiveQuantization(int bitWidth, double range, double scaleFactor) {
        this.bitWidth = bitWidth;
        this.scaleFactor = scaleFactor;
        double top = top(bitWidth);
        double span = range * scaleFactor;
        this.fixed = new PositiveQuantizer((float) top, (float) (top / span), (float) (span / top));
    }

    PositiveQuantization(int bitWidth, double scaleFactor) {
        this.bitWidth = bitWidth;
        this.scaleFactor = scaleFactor;
        this.fixed = null;
    }

    private static double top(int bitWidth) {
        return Math.pow(2, bitWidth) - 1;
    }

    @Override
    public IntegerCode code() {
        return IntegerCode.unsigned(bitWidth);
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        if (fixed != null) {
            return fixed;
        }
        float span = RangeStatistics.maxAbs(data, offset, length) * (float) scaleFactor;
        float top = (float) top(bitWidth);
        if (span == 0f) {
            return new PositiveQuantizer(top, 0f, 0f);
        }
        // the reference evaluates "number / 0-d tensor" as reciprocal(tensor) * number, two float32 roundings
        return new PositiveQuantizer(top, (1f / span) * top, span / top);
    }

    @Override
    public String toString() {
        return "PositiveQuantization(bit_width=" + bitWidth + ", dynamic_range="
                + (fixed == null ? "auto" : "fixed") + ", scale_factor=" + scaleFactor + ")";
    }
}
