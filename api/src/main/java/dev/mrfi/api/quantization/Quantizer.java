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
     * Copies the values to the destination and quantizes and dequantizes them there: the destination range
     * ends up bit for bit as {@code System.arraycopy} followed by {@link #quantize} and {@link #dequantize}
     * on it would leave it. Where a quantizer depends on the position (a block format's scale), the
     * position is the destination index. The source is not changed unless the ranges overlap; with
     * {@code src == dst} and equal offsets this is the in-place round trip.
     *
     * <p>The default copies the source into the destination and runs the two in-place passes there, so a
     * quantizer written against version 0.1 works unchanged. Quantizers whose two steps are element-wise
     * override it with a single pass, which reads and writes each value once. Allocates nothing.
     *
     * @param src       the values
     * @param srcOffset index of the first value in {@code src}
     * @param dst       where the round-tripped values go
     * @param dstOffset index of the first result in {@code dst}
     * @param length    number of values
     * @since 0.2
     */
    default void roundTrip(float[] src, int srcOffset, float[] dst, int dstOffset, int length) {
        System.arraycopy(src, srcOffset, dst, dstOffset, length);
        quantize(dst, dstOffset, length);
        dequantize(dst, dstOffset, length);
    }

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
