package dev.mrfi.errormode;

import dev.mrfi.api.config.ValueType;
import dev.mrfi.api.config.ValueTypes;
import java.util.Arrays;
import java.util.List;

/**
 * A float parameter given either once for every selected value or as a list with one entry per selected
 * value, such as the {@code value} of {@code SetValue}. Numeric strings such as {@code "1e-3"} are
 * accepted. Immutable.
 *
 * @param scalar true if one value applies to every selected value
 * @param values the value, or one entry per selected value; never empty
 */
record FloatPerValue(boolean scalar, double[] values) {

    /** The parameter type: a number, or a non-empty list of numbers. */
    static final ValueType<FloatPerValue> TYPE = new ValueType<>() {
        @Override
        public String displayName() {
            return "float or list[float]";
        }

        @Override
        public Object toDocument(FloatPerValue value) {
            if (value.scalar()) {
                return value.values()[0];
            }
            return java.util.Arrays.stream(value.values()).boxed().toList();
        }

        @Override
        public FloatPerValue convert(Object raw) {
            if (!(raw instanceof List)) {
                return new FloatPerValue(true, new double[] {ValueTypes.toDouble(raw, displayName())});
            }
            List<?> list = (List<?>) raw;
            if (list.isEmpty()) {
                throw new IllegalArgumentException("expected float or a non-empty list[float], got an empty list");
            }
            double[] values = new double[list.size()];
            for (int i = 0; i < values.length; i++) {
                Object item = list.get(i);
                if (item == null || item instanceof List) {
                    throw ValueTypes.wrongType(displayName(), raw);
                }
                values[i] = ValueTypes.toDouble(item, displayName());
            }
            return new FloatPerValue(false, values);
        }
    };

    FloatPerValue {
        values = values.clone();
        if (values.length == 0 || scalar && values.length != 1) {
            throw new IllegalArgumentException("a scalar has one value and a list at least one");
        }
    }

    /** Returns a copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Returns the values rounded to float32, as the reference stores them in the tensor's dtype. */
    float[] toFloats() {
        float[] floats = new float[values.length];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FloatPerValue && scalar == ((FloatPerValue) other).scalar
                && Arrays.equals(values, ((FloatPerValue) other).values);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(scalar) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return scalar ? Double.toString(values[0]) : Arrays.toString(values);
    }
}
