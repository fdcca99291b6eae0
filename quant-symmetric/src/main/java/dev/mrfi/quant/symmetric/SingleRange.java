package dev.mrfi.quant.symmetric;

import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.QuantizerScales;
import dev.mrfi.api.quantization.ScaleEncoding;

/**
 * The scales of a symmetric quantizer: its one range D, stored as a float32. Immutable.
 *
 * @param span  the range D
 * @param limit the largest code L
 */
record SingleRange(float span, float limit) implements QuantizerScales {

    @Override
    public ScaleEncoding encoding() {
        return ScaleEncoding.float32();
    }

    @Override
    public int count() {
        return 1;
    }

    @Override
    public float code(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException("a symmetric quantizer has one range; index " + index);
        }
        return span;
    }

    @Override
    public Quantizer withCodes(int[] indices, float[] codes, int length) {
        float corrupted = span;
        for (int k = 0; k < length; k++) {
            code(indices[k]);
            corrupted = codes[k];
        }
        return SymmetricQuantization.forSpan(corrupted, limit);
    }
}
