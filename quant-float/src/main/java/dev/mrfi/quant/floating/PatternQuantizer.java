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

    /**
     * One pass that encodes and decodes each value, as {@link #quantize} then {@link #dequantize} do. Only
     * equal offsets (what the engine uses) take it; other offsets take the two-pass default.
     */
    @Override
    public void roundTrip(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        if (srcOffset != dstOffset) {
            Quantizer.super.roundTrip(src, srcOffset, dst, dstOffset, length);
            return;
        }
        java.util.Objects.checkFromIndexSize(srcOffset, length, Math.min(src.length, dst.length));
        final int end = srcOffset + length;
        for (int i = srcOffset; i < end; i++) {
            dst[i] = format.roundTrip(src[i]);
        }
    }
}
