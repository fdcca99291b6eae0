package dev.mrfi.api.quantization;

import dev.mrfi.api.IntegerCode;

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
}
