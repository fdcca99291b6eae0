package dev.mrfi.hardening;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of plain values as YAML (block or flow style) or JSON, including what a careful writer
 * would avoid: non-string keys, NaN and infinities, control characters and lone surrogates (escaped).
 */
final class YamlWriter {

    private YamlWriter() {
    }

    /**
     * Writes block-style YAML; containers nested deeper than 30 levels are written in flow style.
     *
     * @param value the tree
     * @return the text
     */
    static String block(Object value) {
        StringBuilder text = new StringBuilder();
        if (isInline(value)) {
            text.append(flow(value, false)).append('\n');
        } else {
            block(value, 0, text);
        }
        return text.toString();
    }

    /**
     * Writes flow-style YAML, or JSON.
     *
     * @param value the tree
     * @param json  true for JSON: every key becomes a string, NaN and infinities stay bare (invalid JSON)
     * @return the text
     */
    static String flow(Object value, boolean json) {
        StringBuilder text = new StringBuilder();
        flow(value, json, text);
        return text.toString();
    }

    private static boolean isInline(Object value) {
        return !(value instanceof Map) && !(value instanceof List) || ((value instanceof Map) && ((Map<?, ?>) value).isEmpty())
                || ((value instanceof List) && ((List<?>) value).isEmpty());
    }

    private static void block(Object value, int indent, StringBuilder text) {
        String pad = " ".repeat(indent);
        if (indent > 60) {
            text.append(pad).append(flow(value, false)).append('\n');
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                text.append(pad).append(key(entry.getKey())).append(':');
                child(entry.getValue(), indent, text);
            }
        } else {
            for (Object item : (List<?>) value) {
                text.append(pad).append('-');
                child(item, indent, text);
            }
        }
    }

    private static void child(Object value, int indent, StringBuilder text) {
        if (isInline(value)) {
            text.append(' ').append(flow(value, false)).append('\n');
        } else {
            text.append('\n');
            block(value, indent + 2, text);
        }
    }

    private static String key(Object key) {
        if (key instanceof String) {
            return quoted((String) key);
        }
        return flow(key, false);
    }

    private static void flow(Object value, boolean json, StringBuilder text) {
        if (value instanceof Map) {
            text.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                text.append(separator);
                separator = ", ";
                if (json) {
                    text.append(quoted(String.valueOf(entry.getKey())));
                } else {
                    flow(entry.getKey(), false, text);
                }
                text.append(": ");
                flow(entry.getValue(), json, text);
            }
            text.append('}');
        } else if (value instanceof List) {
            text.append('[');
            String separator = "";
            for (Object item : (List<?>) value) {
                text.append(separator);
                separator = ", ";
                flow(item, json, text);
            }
            text.append(']');
        } else if (value instanceof String) {
            text.append(quoted((String) value));
        } else if (value instanceof Double) {
            text.append(number((Double) value, json));
        } else if (value == null) {
            text.append(json ? "null" : "~");
        } else if (value instanceof Long || value instanceof BigInteger || value instanceof Boolean
                || value instanceof Integer) {
            text.append(value);
        } else {
            text.append(quoted(String.valueOf(value)));
        }
    }

    private static String number(double value, boolean json) {
        if (Double.isNaN(value)) {
            return json ? "NaN" : ".nan";
        }
        if (Double.isInfinite(value)) {
            return json ? (value > 0 ? "Infinity" : "-Infinity") : (value > 0 ? ".inf" : "-.inf");
        }
        String text = Double.toString(value);
        int e = text.indexOf('E');
        return e >= 0 && text.charAt(e + 1) != '-' ? text.substring(0, e + 1) + "+" + text.substring(e + 1) : text;
    }

    private static String quoted(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c == '\n') {
                text.append("\\n");
            } else if (c == '\t') {
                text.append("\\t");
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c) || c == '\u2028'
                    || c == '\u2029' || c == '\ufeff' || c == '\uffff') {
                text.append(String.format("\\u%04x", (int) c));
            } else {
                text.append(c);
            }
        }
        return text.append('"').toString();
    }
}
