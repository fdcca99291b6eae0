package dev.mrfi.quant.symmetric;

import dev.mrfi.api.quantization.Quantizer;

/** The symmetric scheme bound to one float32 range and its two float32 factors. */
final class SymmetricQuantizer implements Quantizer {

    final float span;
    private final float limit;
    final float toCode;
    private final float fromCode;

    SymmetricQuantizer(float span, float limit, float toCode, float fromCode) {
        this.span = span;
        this.limit = limit;
        this.toCode = toCode;
        this.fromCode = fromCode;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        final float d = span;
        final float s = toCode;
        final float l = limit;
        final float minusL = -limit;
        for (int i = offset, end = offset + length; i < end; i++) {
            float x = ((data[i] + d) * s) + minusL;
            // clamp as torch does (NaN and -0.0 pass through), then round half to even
            x = x < minusL ? minusL : x;
            x = x > l ? l : x;
            data[i] = (float) Math.rint(x);
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        final float d = span;
        final float s = fromCode;
        final float l = limit;
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = ((data[i] + l) * s) - d;
        }
    }
}
