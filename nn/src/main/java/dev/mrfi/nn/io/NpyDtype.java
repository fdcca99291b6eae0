package dev.mrfi.nn.io;

import java.util.Optional;

/**
 * The NumPy element types {@link Npy} reads, each converted to float32 on reading. Conversions round to
 * the nearest float32 as NumPy's {@code astype(np.float32)} does; float16 and integers up to 24 bits
 * convert exactly, wider integers and float64 may round.
 */
public enum NpyDtype {
    /** {@code bool}, one byte; false → 0, true → 1. */
    BOOL("bool", 'b', 1),
    /** {@code int8}. */
    INT8("int8", 'i', 1),
    /** {@code int16}. */
    INT16("int16", 'i', 2),
    /** {@code int32}. */
    INT32("int32", 'i', 4),
    /** {@code int64}. */
    INT64("int64", 'i', 8),
    /** {@code uint8}. */
    UINT8("uint8", 'u', 1),
    /** {@code uint16}. */
    UINT16("uint16", 'u', 2),
    /** {@code uint32}. */
    UINT32("uint32", 'u', 4),
    /** {@code uint64}. */
    UINT64("uint64", 'u', 8),
    /** {@code float16}, IEEE 754 half precision; converted exactly, infinities and NaN included. */
    FLOAT16("float16", 'f', 2),
    /** {@code float32}; read as is. */
    FLOAT32("float32", 'f', 4),
    /** {@code float64}; rounded to the nearest float32. */
    FLOAT64("float64", 'f', 8);

    private final String numpyName;
    private final char kind;
    private final int itemSize;

    NpyDtype(String numpyName, char kind, int itemSize) {
        this.numpyName = numpyName;
        this.kind = kind;
        this.itemSize = itemSize;
    }

    /**
     * Returns NumPy's name for the type.
     *
     * @return for example {@code float16}
     */
    public String numpyName() {
        return numpyName;
    }

    /**
     * Returns the type's character in an NPY {@code descr} such as {@code <f4}.
     *
     * @return {@code b}, {@code i}, {@code u} or {@code f}
     */
    public char kind() {
        return kind;
    }

    /**
     * Returns the size of one element in the file.
     *
     * @return bytes per element
     */
    public int itemSize() {
        return itemSize;
    }

    /**
     * Finds the type with the given kind character and size.
     *
     * @param kind     the character after the byte order in a {@code descr}
     * @param itemSize the number after it
     * @return the type, or empty if it is not one of these
     */
    public static Optional<NpyDtype> find(char kind, int itemSize) {
        for (NpyDtype type : values()) {
            if (type.kind == kind && type.itemSize == itemSize) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
