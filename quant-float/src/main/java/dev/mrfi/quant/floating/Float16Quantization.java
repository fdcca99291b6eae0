package dev.mrfi.quant.floating;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;

/**
 * IEEE 754 binary16: the code of a value is its 16-bit pattern as an unsigned integer. Magnitudes that
 * round beyond 65504 become infinity; NaN stays NaN. Independent of the tensor. Immutable.
 */
final class Float16Quantization implements Quantization {

    static final BinaryFloatFormat FORMAT = new BinaryFloatFormat(5, 10, 15,
            BinaryFloatFormat.Specials.IEEE, BinaryFloatFormat.Overflow.INFINITY);

    private static final PatternQuantizer QUANTIZER = new PatternQuantizer(FORMAT);

    @Override
    public IntegerCode code() {
        return IntegerCode.unsigned(16);
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        return QUANTIZER;
    }

    @Override
    public String toString() {
        return "Float16Quantization()";
    }
}
