package dev.mrfi.quant.floating;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;

/**
 * bfloat16 (the top 16 bits of a float32): the code of a value is its 16-bit pattern as an unsigned
 * integer. Independent of the tensor. Immutable.
 */
final class BFloat16Quantization implements Quantization {

    @Override
    public IntegerCode code() {
        return IntegerCode.unsigned(16);
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        return BFloat16Quantizer.INSTANCE;
    }

    @Override
    public String toString() {
        return "BFloat16Quantization()";
    }
}
