package dev.mrfi.api;

/**
 * Describes the integer codes a quantization produces, or the codes an integer error mode expects:
 * a width in bits and whether the code is two's-complement signed.
 *
 * <p>Core compares the two to reject configurations whose error mode would misread the codes.
 *
 * @param bitWidth number of bits, in [1, 32]
 * @param signed   true for two's-complement codes, false for unsigned codes
 *
 * @since 0.1
 */
public record IntegerCode(int bitWidth, boolean signed) {

    /**
     * Validates the width.
     *
     * @throws IllegalArgumentException if {@code bitWidth} is outside [1, 32]
     */
    public IntegerCode {
        if (bitWidth < 1 || bitWidth > 32) {
            throw new IllegalArgumentException("bitWidth must be in [1, 32], got " + bitWidth);
        }
    }

    /**
     * Returns a signed code of the given width.
     *
     * @param bitWidth number of bits, in [1, 32]
     * @return the code description
     */
    public static IntegerCode signed(int bitWidth) {
        return new IntegerCode(bitWidth, true);
    }

    /**
     * Returns an unsigned code of the given width.
     *
     * @param bitWidth number of bits, in [1, 32]
     * @return the code description
     */
    public static IntegerCode unsigned(int bitWidth) {
        return new IntegerCode(bitWidth, false);
    }

    /**
     * Returns the smallest representable code.
     *
     * @return {@code -2^(bitWidth-1)} when signed, else 0
     */
    public long min() {
        return signed ? -(1L << (bitWidth - 1)) : 0L;
    }

    /**
     * Returns the largest representable code.
     *
     * @return {@code 2^(bitWidth-1) - 1} when signed, else {@code 2^bitWidth - 1}
     */
    public long max() {
        return signed ? (1L << (bitWidth - 1)) - 1 : (1L << bitWidth) - 1;
    }

    /**
     * Tells whether every code in {@code [low, high]} is representable.
     *
     * @param low  smallest code
     * @param high largest code
     * @return true if both ends fit
     */
    public boolean holds(long low, long high) {
        return low >= min() && high <= max();
    }

    @Override
    public String toString() {
        return (signed ? "signed " : "unsigned ") + bitWidth + "-bit";
    }
}
