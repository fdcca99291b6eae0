package dev.mrfi.quant.symmetric;

import dev.mrfi.api.quantization.Quantizer;

/**
 * The quantizer for an {@code auto} range of zero: the tensor holds only zeros, so every code is 0 and
 * every code dequantizes to 0. The reference divides by zero here and fills the tensor with NaN.
 */
final class ZeroRangeQuantizer implements Quantizer {

    static final ZeroRangeQuantizer INSTANCE = new ZeroRangeQuantizer();

    private ZeroRangeQuantizer() {
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
