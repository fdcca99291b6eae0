package dev.mrfi.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The common parameter types. Plugins with unusual parameters implement {@link ValueType} themselves.
 *
 * <p>Numbers are read leniently: a string that spells a number, such as {@code "1e-3"} (which YAML 1.1
 * reads as a string), is accepted where a float is expected. Integers must be whole numbers.
 *
 * @since 0.1
 */
public final class ValueTypes {

    /** The longest text {@link #describe} prints for one value, before {@code ...}. */
    private static final int DESCRIBED_CHARS = 200;
    /** The deepest nesting {@link #describe} prints. */
    private static final int DESCRIBED_DEPTH = 16;

    /** A 32-bit integer. Whole floating-point values such as {@code 8.0} are accepted. */
    public static final ValueType<Integer> INT = new ValueType<>() {
        @Override
        public String displayName() {
            return "int";
        }

        @Override
        public Integer convert(Object raw) {
            return toInt(raw, "int");
        }
    };

    /** A floating-point number, stored as a double. Numeric strings such as {@code "1e-3"} are accepted. */
    public static final ValueType<Double> FLOAT = new ValueType<>() {
        @Override
        public String displayName() {
            return "float";
        }

        @Override
        public Double convert(Object raw) {
            return toDouble(raw, "float");
        }
    };

    /** A boolean; also accepts the strings true/false, yes/no and on/off. */
    public static final ValueType<Boolean> BOOLEAN = new ValueType<>() {
        @Override
        public String displayName() {
            return "bool";
        }

        @Override
        public Boolean convert(Object raw) {
            if (raw instanceof Boolean) {
                return (Boolean) raw;
            }
            if (raw instanceof String) {
                switch (((String) raw).toLowerCase(Locale.ROOT)) {
                    case "true": case "yes": case "on":
                        return true;
                    case "false": case "no": case "off":
                        return false;
                    default:
                        break;
                }
            }
            throw wrongType("bool", raw);
        }
    };

    /** Any string. */
    public static final ValueType<String> STRING = new ValueType<>() {
        @Override
        public String displayName() {
            return "str";
        }

        @Override
        public String convert(Object raw) {
            if (raw instanceof String) {
                return (String) raw;
            }
            throw wrongType("str", raw);
        }
    };

    /** A fixed range (a number) or the string {@code auto} (its synonym {@code max} is accepted too). */
    public static final ValueType<DynamicRange> FLOAT_OR_AUTO = new ValueType<>() {
        @Override
        public String displayName() {
            return "float or 'auto'";
        }

        @Override
        public Object toDocument(DynamicRange value) {
            return value.auto() ? "auto" : (Object) value.value();
        }

        @Override
        public DynamicRange convert(Object raw) {
            if (raw instanceof String) {
                String text = ((String) raw).trim().toLowerCase(Locale.ROOT);
                if (text.equals("auto") || text.equals("max")) {
                    return DynamicRange.AUTO;
                }
            }
            try {
                return DynamicRange.of(toDouble(raw, "float or 'auto'"));
            } catch (IllegalArgumentException e) {
                throw wrongType("float or 'auto'", raw);
            }
        }
    };

    /** A list of integers; a single integer is read as a list of one. */
    public static final ValueType<List<Integer>> INT_LIST = new ValueType<>() {
        @Override
        public String displayName() {
            return "list[int]";
        }

        @Override
        public List<Integer> convert(Object raw) {
            if (!(raw instanceof List)) {
                return List.of(toInt(raw, "list[int]"));
            }
            List<Integer> values = new ArrayList<>();
            for (Object item : (List<?>) raw) {
                if (item == null) {
                    throw wrongType("list[int]", raw);
                }
                values.add(toInt(item, "list[int]"));
            }
            return Collections.unmodifiableList(values);
        }
    };

    private ValueTypes() {
    }

    /**
     * Returns a string type that accepts only the given choices, compared case-sensitively.
     *
     * @param choices the allowed values
     * @return the type; its display name lists the choices
     */
    public static ValueType<String> choice(String... choices) {
        Set<String> allowed = new TreeSet<>(List.of(choices));
        return new ValueType<>() {
            @Override
            public String displayName() {
                return "one of " + allowed;
            }

            @Override
            public String convert(Object raw) {
                if (raw instanceof String && allowed.contains(raw)) {
                    return (String) raw;
                }
                String hint = raw instanceof String ? NameSuggestions.hint((String) raw, allowed) : "";
                throw new IllegalArgumentException("expected one of " + allowed + ", got "
                        + (raw instanceof String ? describe(raw) : "'" + describe(raw) + "'") + hint);
            }
        };
    }

    /**
     * Converts a raw value to an int, accepting whole numbers only.
     *
     * @param raw      the raw value
     * @param typeName the type name for the error message
     * @return the integer
     * @throws IllegalArgumentException if the value is not a whole number in the int range
     */
    public static int toInt(Object raw, String typeName) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            long value = ((Number) raw).longValue();
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("expected " + typeName + ", got " + describe(raw)
                        + ", which is outside the 32-bit integer range");
            }
            return (int) value;
        }
        if (raw instanceof Double || raw instanceof Float) {
            double value = ((Number) raw).doubleValue();
            if (value == Math.rint(value) && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
        }
        if (raw instanceof java.math.BigInteger) {
            throw new IllegalArgumentException("expected " + typeName + ", got " + describe(raw)
                    + ", which is outside the 32-bit integer range");
        }
        throw wrongType(typeName, raw);
    }

    /**
     * Converts a raw value to a double, accepting numbers and numeric strings.
     *
     * @param raw      the raw value
     * @param typeName the type name for the error message
     * @return the number
     * @throws IllegalArgumentException if the value is not a number
     */
    public static double toDouble(Object raw, String typeName) {
        if (raw instanceof Number) {
            return ((Number) raw).doubleValue();
        }
        if (raw instanceof String) {
            String text = ((String) raw).trim();
            if (!text.isEmpty() && text.chars().noneMatch(Character::isLetter)
                    || text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+")
                    || text.matches("(?i)[+-]?(inf|\\.inf|infinity|nan|\\.nan)")) {
                try {
                    return parseNumber(text);
                } catch (NumberFormatException e) {
                    throw wrongType(typeName, raw);
                }
            }
        }
        throw wrongType(typeName, raw);
    }

    private static double parseNumber(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("_", "");
        switch (lower) {
            case "inf": case ".inf": case "+inf": case "+.inf": case "infinity": case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf": case "-.inf": case "-infinity":
                return Double.NEGATIVE_INFINITY;
            case "nan": case ".nan": case "+nan": case "-nan":
                return Double.NaN;
            default:
                return Double.parseDouble(lower);
        }
    }

    /**
     * Returns the exception for a value of the wrong type.
     *
     * @param typeName the expected type
     * @param raw      the value found
     * @return the exception, to be thrown by the caller
     */
    public static IllegalArgumentException wrongType(String typeName, Object raw) {
        return new IllegalArgumentException("expected " + typeName + ", got " + describe(raw));
    }

    /**
     * Describes a raw value for an error message, with its type when it is not a plain scalar. The text is
     * bounded whatever the value: strings and scalars longer than 200 characters, and
     * lists and mappings whose text would be longer, are cut and end with {@code ...}; nesting deeper than
     * 16 levels prints as {@code [...]} or <code>{...}</code>, so cyclic values are safe.
     *
     * @param raw the value
     * @return for example {@code 'abc'}, {@code 3.5}, {@code a list [1, 2]} or {@code a mapping {a=1}}
     */
    public static String describe(Object raw) {
        if (raw instanceof String) {
            String text = (String) raw;
            return text.length() <= DESCRIBED_CHARS ? "'" + text + "'"
                    : "'" + text.substring(0, DESCRIBED_CHARS) + "...' (" + text.length() + " characters)";
        }
        StringBuilder text = new StringBuilder();
        if (raw instanceof List) {
            text.append("a list ");
        } else if (raw instanceof java.util.Map) {
            text.append("a mapping ");
        }
        int limit = text.length() + DESCRIBED_CHARS;
        render(raw, text, limit, 0);
        if (text.length() > limit) {
            text.setLength(limit);
            text.append("...");
        }
        return text.toString();
    }

    private static void render(Object value, StringBuilder text, int limit, int depth) {
        if (value instanceof List) {
            if (depth >= DESCRIBED_DEPTH) {
                text.append("[...]");
                return;
            }
            text.append('[');
            String separator = "";
            for (Object item : (List<?>) value) {
                if (text.length() > limit) {
                    break;
                }
                text.append(separator);
                separator = ", ";
                render(item, text, limit, depth + 1);
            }
            text.append(']');
        } else if (value instanceof java.util.Map) {
            if (depth >= DESCRIBED_DEPTH) {
                text.append("{...}");
                return;
            }
            text.append('{');
            String separator = "";
            for (java.util.Map.Entry<?, ?> entry : ((java.util.Map<?, ?>) value).entrySet()) {
                if (text.length() > limit) {
                    break;
                }
                text.append(separator);
                separator = ", ";
                render(entry.getKey(), text, limit, depth + 1);
                text.append('=');
                render(entry.getValue(), text, limit, depth + 1);
            }
            text.append('}');
        } else {
            String scalar = String.valueOf(value);
            int room = Math.max(0, limit - text.length() + 1);
            text.append(scalar, 0, Math.min(scalar.length(), room));
        }
    }
}
