package dev.mrfi.quant.symmetric;

import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.QuantizerScales;

/**
 * The quantizer for an {@code auto} range of zero: the tensor holds only zeros, so every code is 0 and
 * every code dequantizes to 0. The reference divides by zero here and fills the tensor with NaN.
 */
final class ZeroRangeQuantizer implements Quantizer {

    private final float limit;

    ZeroRangeQuantizer(float limit) {
        this.limit = limit;
    }

    /** The one scale is the range 0; a corrupted range gives the quantizer of that range. */
    @Override
    public QuantizerScales scales() {
        return new SingleRange(0f, limit);
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        java.util.Arrays.fill(data, offset, offset + length, 0f);
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        java.util.Arrays.fill(data, offset, offset + length, 0f);
    }

    @Override
    public void roundTrip(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        java.util.Objects.checkFromIndexSize(srcOffset, length, src.length);
        java.util.Arrays.fill(dst, dstOffset, dstOffset + length, 0f);
    }
}
