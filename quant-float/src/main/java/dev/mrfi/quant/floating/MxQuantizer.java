package dev.mrfi.quant.floating;

import dev.mrfi.api.quantization.Quantizer;

/**
 * MX bound to one tensor's block exponents. Quantize divides by the block's scale (one float32 division,
 * which may round in float32's subnormal range, as the reference's does) and replaces the value with its
 * element's code; dequantize multiplies the element by the scale. Codes of a block with the NaN scale are
 * 0 and dequantize to NaN. Immutable.
 */
final class MxQuantizer implements Quantizer {

    private final MxElementFormat format;
    private final boolean tiesToEven;
    private final int tensorOffset;
    private final int blockSize;
    private final int[] exponents;

    MxQuantizer(MxElementFormat format, boolean tiesToEven, int tensorOffset, int blockSize, int[] exponents) {
        this.format = format;
        this.tiesToEven = tiesToEven;
        this.tensorOffset = tensorOffset;
        this.blockSize = blockSize;
        this.exponents = exponents;
    }

    private float scale(int index) {
        int exponent = exponents[(index - tensorOffset) / blockSize];
        return exponent == MxQuantization.NAN_SCALE ? Float.NaN : Math.scalb(1f, exponent);
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            float scale = scale(i);
            data[i] = Float.isNaN(scale) ? 0f : format.encode(format.round(data[i] / scale, tiesToEven));
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            data[i] = format.decode(data[i]) * scale(i);
        }
    }
}
