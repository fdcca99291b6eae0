package dev.mrfi.quant.floating;

import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.QuantizerScales;
import dev.mrfi.api.quantization.ScaleEncoding;

/**
 * MX bound to one tensor's block exponents. Quantize divides by the block's scale (one float32 division,
 * which may round in float32's subnormal range, as the reference's does) and replaces the value with its
 * element's code; dequantize multiplies the element by the scale. Codes of a block with the NaN scale are
 * 0 and dequantize to NaN. Immutable.
 */
final class MxQuantizer implements Quantizer {

    private static final int E8M0_BIAS = 127;
    private static final int E8M0_NAN = 255;

    private final MxElementFormat format;
    private final boolean tiesToEven;
    private final int tensorOffset;
    private final int blockSize;
    private final int[] exponents;

    private final int shift;
    private final int firstBucket;
    private final int lastBucket;
    private final int signShift;
    private final int[] boundary;
    private final int[] below;
    /** {@code from - below} of each bucket. */
    private final int[] step;

    MxQuantizer(MxElementFormat format, boolean tiesToEven, int tensorOffset, int blockSize, int[] exponents) {
        MxElementFormat.CodeTable table = format.table(tiesToEven);
        this.shift = format.bucketShift();
        this.firstBucket = format.firstBucket();
        this.lastBucket = format.lastBucket();
        this.signShift = format.signShift();
        this.boundary = table.boundary;
        this.below = table.below;
        this.step = table.step;
        this.format = format;
        this.tiesToEven = tiesToEven;
        this.tensorOffset = tensorOffset;
        this.blockSize = blockSize;
        this.exponents = exponents;
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        final int end = offset + length;
        int i = offset;
        while (i < end) {
            int block = (i - tensorOffset) / blockSize;
            int stop = Math.min(end, tensorOffset + (block + 1) * blockSize);
            int exponent = exponents[block];
            if (exponent == MxQuantization.NAN_SCALE) {
                java.util.Arrays.fill(data, i, stop, 0f);
                i = stop;
                continue;
            }
            // multiplying by 2^-e gives the same float32 as dividing by 2^e, subnormal results included
            final float inverse = Math.scalb(1f, -exponent);
            if (format.signedCode()) {
                for (; i < stop; i++) {
                    float v = data[i] * inverse;
                    data[i] = Math.copySign((float) lookUp(Float.floatToRawIntBits(v) & 0x7fffffff), v);
                }
            } else {
                final int sign = signShift;
                for (; i < stop; i++) {
                    int bits = Float.floatToRawIntBits(data[i] * inverse);
                    data[i] = lookUp(bits & 0x7fffffff) | ((bits >>> 31) << sign);
                }
            }
        }
    }

    /**
     * The code of a positive scaled value, from its bucket: see {@link MxElementFormat.CodeTable}. Branch-free:
     * both bit patterns are non-negative, so {@code boundary - magnitude - 1} is negative exactly when the
     * value has reached the boundary, and its sign spread over the int selects the step.
     */
    private int lookUp(int magnitude) {
        int bucket = Math.min(Math.max((magnitude >>> shift) - firstBucket, 0), lastBucket);
        return below[bucket] + (step[bucket] & ((boundary[bucket] - magnitude - 1) >> 31));
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        final int end = offset + length;
        int i = offset;
        while (i < end) {
            int block = (i - tensorOffset) / blockSize;
            int stop = Math.min(end, tensorOffset + (block + 1) * blockSize);
            int exponent = exponents[block];
            final float scale = exponent == MxQuantization.NAN_SCALE ? Float.NaN : Math.scalb(1f, exponent);
            for (; i < stop; i++) {
                data[i] = format.decode(data[i]) * scale;
            }
        }
    }

    /**
     * One pass with the steps of {@link #quantize} then {@link #dequantize}: each value's element code from
     * the bucket table, its value from the format's table (the code is always valid, so no checks), times the
     * block's scale. The int8 element and unequal offsets take the two-pass default.
     */
    @Override
    public void roundTrip(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        BinaryFloatFormat elements = format.binaryFormat();
        if (srcOffset != dstOffset || elements == null) {
            Quantizer.super.roundTrip(src, srcOffset, dst, dstOffset, length);
            return;
        }
        java.util.Objects.checkFromIndexSize(srcOffset, length, Math.min(src.length, dst.length));
        final int end = srcOffset + length;
        final int sign = signShift;
        int i = srcOffset;
        while (i < end) {
            int block = (i - tensorOffset) / blockSize;
            int stop = Math.min(end, tensorOffset + (block + 1) * blockSize);
            int exponent = exponents[block];
            if (exponent == MxQuantization.NAN_SCALE) {
                java.util.Arrays.fill(dst, i, stop, elements.valueOf(0) * Float.NaN);
                i = stop;
                continue;
            }
            final float inverse = Math.scalb(1f, -exponent);
            final float scale = Math.scalb(1f, exponent);
            for (; i < stop; i++) {
                int bits = Float.floatToRawIntBits(src[i] * inverse);
                dst[i] = elements.valueOf(lookUp(bits & 0x7fffffff) | ((bits >>> 31) << sign)) * scale;
            }
        }
    }

    /** The shared exponents, one per block, as E8M0 codes (exponent + 127; 255 for the NaN scale). */
    @Override
    public QuantizerScales scales() {
        return new QuantizerScales() {
            @Override
            public ScaleEncoding encoding() {
                return ScaleEncoding.e8m0();
            }

            @Override
            public int count() {
                return exponents.length;
            }

            @Override
            public float code(int index) {
                int exponent = exponents[index];
                return exponent == MxQuantization.NAN_SCALE ? E8M0_NAN : exponent + E8M0_BIAS;
            }

            @Override
            public Quantizer withCodes(int[] indices, float[] codes, int length) {
                int[] corrupted = exponents.clone();
                for (int k = 0; k < length; k++) {
                    int code = (int) codes[k];
                    corrupted[indices[k]] = code != codes[k] || code < 0 || code >= E8M0_NAN
                            ? MxQuantization.NAN_SCALE : code - E8M0_BIAS;
                }
                return new MxQuantizer(format, tiesToEven, tensorOffset, blockSize, corrupted);
            }
        };
    }
}
