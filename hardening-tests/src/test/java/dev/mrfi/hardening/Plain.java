package dev.mrfi.hardening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies and prints trees of plain values (maps, lists, scalars) without trusting their size or depth. */
final class Plain {

    private Plain() {
    }

    /**
     * Copies a tree into mutable maps and lists; scalars are shared.
     *
     * @param value the tree, at most a few hundred levels deep
     * @return the copy
     */
    static Object copy(Object value) {
        if (value instanceof Map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, item) -> copy.put(key, copy(item)));
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>(((List<?>) value).size());
            for (Object item : (List<?>) value) {
                copy.add(copy(item));
            }
            return copy;
        }
        return value;
    }

    /**
     * Prints a tree for a failure report, cut at a depth and a length.
     *
     * @param value the tree
     * @return the text, at most about 3000 characters
     */
    static String show(Object value) {
        StringBuilder text = new StringBuilder();
        show(value, text, 0);
        return text.length() > 3000 ? text.substring(0, 3000) + "..." : text.toString();
    }

    private static void show(Object value, StringBuilder text, int depth) {
        if (text.length() > 3000) {
            return;
        }
        if (depth > 12 && (value instanceof Map || value instanceof List)) {
            text.append("<deeper>");
        } else if (value instanceof Map) {
            text.append('{');
            int n = 0;
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (n++ > 0) {
                    text.append(", ");
                }
                show(entry.getKey(), text, depth + 1);
                text.append(": ");
                show(entry.getValue(), text, depth + 1);
                if (text.length() > 3000) {
                    break;
                }
            }
            text.append('}');
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            text.append('[');
            for (int i = 0; i < list.size() && i < 20; i++) {
                text.append(i > 0 ? ", " : "");
                show(list.get(i), text, depth + 1);
            }
            text.append(list.size() > 20 ? ", ... (" + list.size() + " items)]" : "]");
        } else if (value instanceof String) {
            String string = (String) value;
            text.append('"').append(string.length() > 80 ? string.substring(0, 80) + "...(" + string.length() + ")" : string)
                    .append('"');
        } else {
            String scalar = String.valueOf(value);
            text.append(scalar.length() > 80 ? scalar.substring(0, 80) + "..." : scalar)
                    .append(value == null ? "" : "(" + value.getClass().getSimpleName() + ")");
        }
    }
}
