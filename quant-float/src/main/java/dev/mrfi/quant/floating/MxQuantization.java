package dev.mrfi.quant.floating;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.ScaleEncoding;
import java.util.Optional;

/**
 * OCP Microscaling (MX) v1.0: blocks of {@code blockSize} consecutive values share an E8M0 scale
 * {@code 2^e} with {@code e = floor(log2(max |x|)) - emax}, clamped below at -127; each value divided by
 * the scale becomes an element of the element format. A block holding NaN or an infinity, or whose
 * exponent would exceed 127, gets the NaN scale, and all its values dequantize to NaN.
 *
 * <p>Blocks run over consecutive values of the flattened tensor, which is blocking along the last axis
 * whenever the last axis's length is a multiple of the block size (the last block of the tensor may be
 * shorter). The reference computes the block maximum's exponent like the elements' ({@link FloatLog2}).
 * Immutable.
 */
final class MxQuantization implements Quantization {

    /** The block exponent of a block with the NaN scale. */
    static final int NAN_SCALE = Integer.MIN_VALUE;

    private static final int SCALE_EMAX = 127;
    private static final float SMALLEST_NORMAL = Float.MIN_NORMAL;

    private final MxElementFormat format;
    private final int blockSize;
    private final boolean tiesToEven;

    MxQuantization(MxElementFormat format, int blockSize, boolean tiesToEven) {
        this.format = format;
        this.blockSize = blockSize;
        this.tiesToEven = tiesToEven;
    }

    @Override
    public IntegerCode code() {
        return format.code();
    }

    /** The shared exponents, E8M0. */
    @Override
    public Optional<ScaleEncoding> scaleEncoding() {
        return Optional.of(ScaleEncoding.e8m0());
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        int blocks = (length + blockSize - 1) / blockSize;
        int[] exponents = new int[blocks];
        for (int block = 0; block < blocks; block++) {
            int start = offset + block * blockSize;
            exponents[block] = sharedExponent(data, start, Math.min(start + blockSize, offset + length));
        }
        return new MxQuantizer(format, tiesToEven, offset, blockSize, exponents);
    }

    private int sharedExponent(float[] data, int start, int end) {
        float max = 0f;
        for (int i = start; i < end; i++) {
            max = Math.max(max, Math.abs(data[i]));
        }
        // Math.max lets NaN win, and an infinity is larger than every finite value
        if (!(max <= Float.MAX_VALUE)) {
            return NAN_SCALE;
        }
        int exponent = FloatLog2.floorOfLog2Fast(max == 0f ? SMALLEST_NORMAL : max) - format.emax();
        if (exponent > SCALE_EMAX) {
            return NAN_SCALE;
        }
        return Math.max(exponent, -SCALE_EMAX);
    }

    @Override
    public String toString() {
        return "MxQuantization(format=" + format.configName() + ", block_size=" + blockSize + ", rounding="
                + (tiesToEven ? "even" : "nearest") + ")";
    }
}
