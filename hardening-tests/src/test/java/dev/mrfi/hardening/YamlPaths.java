package dev.mrfi.hardening;

import java.util.List;
import java.util.Map;

/**
 * Follows a problem path such as {@code faultinject[0].error_mode.bit_width} through a parsed document.
 * Keys may themselves contain dots or brackets, so at each mapping the longest key that fits is taken.
 */
final class YamlPaths {

    private YamlPaths() {
    }

    /**
     * Tells whether a path leads through a document: every segment but the last exists, and the last
     * exists or is a key missing from a mapping.
     *
     * @param path     the problem's path, not empty
     * @param document the parsed document
     * @return true if the path leads through
     */
    static boolean leadsThrough(String path, Object document) {
        Object node = document;
        String rest = path;
        while (!rest.isEmpty()) {
            if (node instanceof List && rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0) {
                    return false;
                }
                int index;
                try {
                    index = Integer.parseInt(rest.substring(1, close));
                } catch (NumberFormatException e) {
                    return false;
                }
                List<?> list = (List<?>) node;
                if (index < 0 || index >= list.size()) {
                    return false;
                }
                node = list.get(index);
                rest = skipDot(rest.substring(close + 1));
            } else if (node instanceof Map) {
                String key = longestKey((Map<?, ?>) node, rest);
                if (key == null) {
                    return !rest.contains(".") && !rest.contains("[");
                }
                node = valueOf((Map<?, ?>) node, key);
                rest = skipDot(rest.substring(key.length()));
            } else {
                return false;
            }
        }
        return true;
    }

    private static String longestKey(Map<?, ?> map, String rest) {
        String best = null;
        for (Object key : map.keySet()) {
            String name = String.valueOf(key);
            if (rest.startsWith(name) && (rest.length() == name.length() || rest.charAt(name.length()) == '.'
                    || rest.charAt(name.length()) == '[') && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best;
    }

    private static Object valueOf(Map<?, ?> map, String name) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (String.valueOf(entry.getKey()).equals(name)) {
                return entry.getValue();
            }
        }
        throw new IllegalStateException("no key " + name);
    }

    private static String skipDot(String rest) {
        return rest.startsWith(".") ? rest.substring(1) : rest;
    }
}
