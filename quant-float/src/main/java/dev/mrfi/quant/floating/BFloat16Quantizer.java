package dev.mrfi.quant.floating;

import dev.mrfi.api.quantization.Quantizer;

/**
 * float32 to bfloat16 patterns and back. bfloat16 is the top half of a float32, so encoding rounds the
 * low 16 bits away, to nearest with ties to even (a carry into the exponent is the right result, up to
 * infinity); a NaN keeps its sign and the top of its payload, with the quiet bit set so that it cannot
 * become an infinity. Decoding appends 16 zero bits. Stateless.
 */
final class BFloat16Quantizer implements Quantizer {

    static final BFloat16Quantizer INSTANCE = new BFloat16Quantizer();

    private static final int QUIET_BIT = 0x40;
    private static final int CODES = 1 << 16;

    private BFloat16Quantizer() {
    }

    static int encode(float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            return (bits >>> 16) | QUIET_BIT;
        }
        return (bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16;
    }

    static float decode(float code) {
        int pattern = (int) code;
        return pattern == code && pattern >= 0 && pattern < CODES ? Float.intBitsToFloat(pattern << 16) : Float.NaN;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = encode(data[i]);
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = decode(data[i]);
        }
    }

    /**
     * One pass with the arithmetic of {@link #quantize} then {@link #dequantize}, operation for operation:
     * {@link #encode} always yields a pattern {@link #decode} accepts, so decoding is the shift back.
     * Only equal offsets (what the engine uses) take it: one index for both arrays is what lets HotSpot 17
     * vectorize a loop whose arrays may be the same; other offsets take the two-pass default.
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
            dst[i] = Float.intBitsToFloat(encode(src[i]) << 16);
        }
    }
}
