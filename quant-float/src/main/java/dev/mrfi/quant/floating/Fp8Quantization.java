package dev.mrfi.quant.floating;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;

/**
 * OCP 8-bit floating point (OFP8), E4M3 or E5M2, with saturating ("scaled") conversion: the code of a
 * value is its 8-bit pattern as an unsigned integer, so flipping bit {@code k} of the code flips bit
 * {@code k} of the encoding (bit 7 is the sign). Independent of the tensor. Immutable.
 */
final class Fp8Quantization implements Quantization {

    /** Bias 7, no infinities, NaN is S.1111.111, largest normal 448. */
    static final BinaryFloatFormat E4M3 = new BinaryFloatFormat(4, 3, 7,
            BinaryFloatFormat.Specials.NAN_ONLY_ALL_ONES, BinaryFloatFormat.Overflow.SATURATE);
    /** Bias 15, IEEE-like infinities and NaNs, largest normal 57344. */
    static final BinaryFloatFormat E5M2 = new BinaryFloatFormat(5, 2, 15,
            BinaryFloatFormat.Specials.IEEE, BinaryFloatFormat.Overflow.SATURATE);

    private static final PatternQuantizer E4M3_QUANTIZER = new PatternQuantizer(E4M3);
    private static final PatternQuantizer E5M2_QUANTIZER = new PatternQuantizer(E5M2);

    private final String formatName;
    private final PatternQuantizer quantizer;

    Fp8Quantization(String formatName) {
        this.formatName = formatName;
        this.quantizer = formatName.equals("e4m3") ? E4M3_QUANTIZER : E5M2_QUANTIZER;
    }

    @Override
    public IntegerCode code() {
        return IntegerCode.unsigned(8);
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        return quantizer;
    }

    @Override
    public String toString() {
        return "Fp8Quantization(format=" + formatName + ")";
    }
}
