package dev.mrfi.quant.floating;

import dev.mrfi.api.quantization.Quantizer;

/** Replaces values with their bit patterns in one {@link BinaryFloatFormat} and back. Immutable. */
final class PatternQuantizer implements Quantizer {

    private final BinaryFloatFormat format;

    PatternQuantizer(BinaryFloatFormat format) {
        this.format = format;
    }

    BinaryFloatFormat format() {
        return format;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = format.encode(data[i]);
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = format.decode(data[i]);
        }
    }

    @Override
    public void roundTrip(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        if (src == dst && srcOffset != dstOffset) {
            Quantizer.super.roundTrip(src, srcOffset, dst, dstOffset, length);
            return;
        }
        java.util.Objects.checkFromIndexSize(srcOffset, length, src.length);
        java.util.Objects.checkFromIndexSize(dstOffset, length, dst.length);
        for (int k = 0; k < length; k++) {
            dst[dstOffset + k] = format.decode(format.encode(src[srcOffset + k]));
        }
    }
}
