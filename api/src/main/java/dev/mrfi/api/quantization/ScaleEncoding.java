package dev.mrfi.api.quantization;

import dev.mrfi.api.IntegerCode;
import java.util.Optional;

/**
 * How a quantizer stores one of its scales, so that an error mode can corrupt the stored form rather than
 * the mathematical value: an MX block's shared exponent is an 8-bit E8M0 code, a per-channel range is a
 * float32.
 *
 * <pre>{@code
 * float code = encoding.encode(scale);   // the stored form, as an error mode sees it
 * // ... flip bits of code ...
 * float corrupted = encoding.decode(code);
 * }</pre>
 *
 * <p>An encoding with an {@link #code() integer code} holds that code as a float32, like a quantized
 * value, so integer error modes work on it unchanged; an encoding without one stores the scale as a
 * float32 and float error modes work on it. Implementations are immutable and thread-safe.
 *
 * @since 0.2
 */
public interface ScaleEncoding {

    /**
     * Returns the number of bits one stored scale has; a bit error rate sweep turns a bit error rate into a
     * per-scale rate with it.
     *
     * @return bits per scale, in [1, 32]
     * @since 0.2
     */
    int bitsPerScale();

    /**
     * Returns the integer code a scale is stored as, if it is stored as one.
     *
     * @return the code, or empty for a scale stored as a float32 value
     * @since 0.2
     */
    default Optional<IntegerCode> code() {
        return Optional.empty();
    }

    /**
     * Returns the stored form of a scale.
     *
     * @param scale a scale the quantizer uses
     * @return its code as a float32 (the value itself for a float32 encoding)
     * @since 0.2
     */
    float encode(float scale);

    /**
     * Returns the scale a stored form stands for; any code an error mode may write decodes to a value
     * (possibly NaN or infinite) and never throws.
     *
     * @param code a stored form, possibly corrupted
     * @return the scale
     * @since 0.2
     */
    float decode(float code);

    /**
     * Returns the encoding of scales stored as float32 values: the code is the value, and float error modes
     * such as a float bit flip corrupt it.
     *
     * @return the float32 encoding
     * @since 0.2
     */
    static ScaleEncoding float32() {
        return ScaleEncodings.FLOAT32;
    }

    /**
     * Returns the OCP MX E8M0 encoding: an unsigned 8-bit code {@code c} for the scale {@code 2^(c-127)},
     * with the code 255 for NaN.
     *
     * @return the E8M0 encoding
     * @since 0.2
     */
    static ScaleEncoding e8m0() {
        return ScaleEncodings.E8M0;
    }
}
