package dev.mrfi.api.quantization;

/**
 * A quantization bound to one tensor's scale. Both methods work in place on a range of a float array,
 * allocate nothing and may be called on any subset of the tensor it was resolved for.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public interface Quantizer {

    /**
     * Replaces each value with its integer code, as a float32.
     *
     * @param data   the values
     * @param offset index of the first value
     * @param length number of values
     */
    void quantize(float[] data, int offset, int length);

    /**
     * Replaces each integer code with the float32 value it stands for.
     *
     * @param data   the codes
     * @param offset index of the first code
     * @param length number of codes
     */
    void dequantize(float[] data, int offset, int length);

    /**
     * Returns the scales this quantizer resolved, for faults in quantization metadata. A quantizer whose
     * {@link Quantization#scaleEncoding()} is present returns its scales in that encoding.
     *
     * @return the scales; {@link QuantizerScales#none()} by default
     * @since 0.2
     */
    default QuantizerScales scales() {
        return QuantizerScales.none();
    }
}
