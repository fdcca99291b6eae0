package dev.mrfi.errormode;

import dev.mrfi.api.config.ValueType;
import dev.mrfi.api.config.ValueTypes;
import java.util.Arrays;
import java.util.List;

/**
 * An integer parameter given either once for every selected value or as a list with one entry per
 * selected value, such as the {@code bit} of {@code IntFixedBitFlip}. Immutable.
 *
 * @param scalar true if one value applies to every selected value
 * @param values the value, or one entry per selected value; never empty
 */
record IntPerValue(boolean scalar, int[] values) {

    /** The parameter type: a whole number, or a non-empty list of whole numbers. */
    static final ValueType<IntPerValue> TYPE = new ValueType<>() {
        @Override
        public String displayName() {
            return "int or list[int]";
        }

        @Override
        public Object toDocument(IntPerValue value) {
            if (value.scalar()) {
                return value.values()[0];
            }
            return java.util.Arrays.stream(value.values()).boxed().toList();
        }

        @Override
        public IntPerValue convert(Object raw) {
            if (!(raw instanceof List)) {
                return new IntPerValue(true, new int[] {ValueTypes.toInt(raw, displayName())});
            }
            List<?> list = (List<?>) raw;
            if (list.isEmpty()) {
                throw new IllegalArgumentException("expected int or a non-empty list[int], got an empty list");
            }
            int[] values = new int[list.size()];
            for (int i = 0; i < values.length; i++) {
                Object item = list.get(i);
                if (item == null || item instanceof List) {
                    throw ValueTypes.wrongType(displayName(), raw);
                }
                values[i] = ValueTypes.toInt(item, displayName());
            }
            return new IntPerValue(false, values);
        }
    };

    IntPerValue {
        values = values.clone();
        if (values.length == 0 || scalar && values.length != 1) {
            throw new IllegalArgumentException("a scalar has one value and a list at least one");
        }
    }

    /** Returns a copy of the values. */
    @Override
    public int[] values() {
        return values.clone();
    }

    /** Returns the index of the first value outside {@code [low, high)}, or -1 if there is none. */
    int indexOutside(int low, int high) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < low || values[i] >= high) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the value at an index. */
    int get(int index) {
        return values[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntPerValue && scalar == ((IntPerValue) other).scalar
                && Arrays.equals(values, ((IntPerValue) other).values);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(scalar) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return scalar ? Integer.toString(values[0]) : Arrays.toString(values);
    }
}
