package dev.mrfi.api.errormode;

import dev.mrfi.api.IntegerCode;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Replaces the values a selector chose with faulty values.
 *
 * <p>Core gathers the selected values of a tensor into a compact array and calls {@link #apply}; the
 * error mode rewrites exactly that range and nothing else. When quantization is on, the values are
 * integer codes held in float32.
 *
 * <p>Implementations are immutable and thread-safe. All randomness comes from the generator passed in.
 *
 * @since 0.1
 */
public interface ErrorMode {

    /**
     * Replaces {@code values[offset .. offset+length)} with faulty values.
     *
     * @param values the gathered values
     * @param offset index of the first value
     * @param length number of values
     * @param random the source of every random draw; not shared between threads
     * @throws dev.mrfi.api.InjectionException if the mode cannot work on these values, for example a
     *                                         per-value list of the wrong length
     */
    void apply(float[] values, int offset, int length, RandomGenerator random);

    /**
     * Returns the integer code this mode reads and writes, if it works on integer codes. Core uses it to
     * reject a mode that would misread the codes of its quantization, or that has no quantization.
     *
     * @return the code, or empty for modes that work on any float value
     */
    default Optional<IntegerCode> code() {
        return Optional.empty();
    }

    /**
     * Returns how many bits each value this mode faults has: the width of its integer code, or of the
     * float format whose bit pattern it changes. A bit error rate sweep turns a bit error rate into a
     * per-value rate with it ({@code rate = ber * bitsPerValue}). Modes that replace whole values rather
     * than bits answer for the float32 values they write.
     *
     * @return bits per value; by default the code's width, or 32 for modes without a code
     * @since 0.1
     */
    default int bitsPerValue() {
        return code().map(IntegerCode::bitWidth).orElse(Float.SIZE);
    }
}
