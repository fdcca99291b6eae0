package dev.mrfi.api.quantization;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.TensorShape;
import java.util.Optional;

/**
 * A configured quantization scheme (pseudo-quantization): maps float32 values to integer codes that are
 * stored in the same float32 array, and maps codes back.
 *
 * <p>Some schemes depend on the tensor itself, for example a dynamic range of {@code auto} is the
 * largest absolute value of the whole tensor. {@link #forTensor} resolves that once, before anything is
 * modified, so the same scale serves quantization, fault injection into a subset of values, and
 * dequantization.
 *
 * <pre>{@code
 * Quantizer q = quantization.forTensor(data, 0, data.length);
 * q.quantize(data, 0, data.length);
 * // ... inject faults into codes ...
 * q.dequantize(data, 0, data.length);
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface Quantization {

    /**
     * Returns the integer code this scheme produces, so core can check that an integer error mode reads
     * it correctly.
     *
     * @return the code's width and signedness
     */
    IntegerCode code();

    /**
     * Resolves the tensor-dependent parts of the scheme for one tensor. Reads, never writes, the data.
     * Schemes that do not depend on the data return a shared instance and allocate nothing.
     *
     * @param data   the whole tensor's values
     * @param offset index of the first element
     * @param length number of elements
     * @return the quantizer for this tensor; thread-safe
     */
    Quantizer forTensor(float[] data, int offset, int length);

    /**
     * Resolves the scheme for one tensor whose shape is known, for schemes that work along an axis (one
     * range per output channel, blocks along an axis). Core calls this form whenever it knows the shape.
     *
     * @param data   the whole tensor's values
     * @param offset index of the first element
     * @param shape  the tensor's shape; its size is the number of elements
     * @return the quantizer for this tensor; by default {@code forTensor(data, offset, shape.size())}
     * @since 0.2
     */
    default Quantizer forTensor(float[] data, int offset, TensorShape shape) {
        return forTensor(data, offset, shape.size());
    }

    /**
     * Returns how the scales of this scheme's quantizers are stored, when they expose any through
     * {@link Quantizer#scales()}. Core uses it to validate a configuration that injects faults into
     * scales before anything runs.
     *
     * @return the encoding, or empty (the default) for a scheme without injectable scales
     * @since 0.2
     */
    default Optional<ScaleEncoding> scaleEncoding() {
        return Optional.empty();
    }
}
