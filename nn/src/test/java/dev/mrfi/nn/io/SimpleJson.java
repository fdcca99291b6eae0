package dev.mrfi.nn.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the sample manifest: objects, arrays, strings without unicode escapes, numbers
 * (kept as their text, so integers and floats convert exactly), true, false, null.
 */
final class SimpleJson {

    /** A JSON number, kept as written. */
    record Number(String text) {
    }

    private final String text;
    private int position;

    private SimpleJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        SimpleJson parser = new SimpleJson(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.position != text.length()) {
            throw new IllegalArgumentException("trailing text at " + parser.position);
        }
        return value;
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(position);
        if (c == '{') {
            position++;
            Map<String, Object> object = new LinkedHashMap<>();
            skipSpace();
            if (text.charAt(position) == '}') {
                position++;
                return object;
            }
            do {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                object.put(key, value());
                skipSpace();
            } while (text.charAt(position++) == ',');
            check(text.charAt(position - 1) == '}');
            return object;
        }
        if (c == '[') {
            position++;
            List<Object> array = new ArrayList<>();
            skipSpace();
            if (text.charAt(position) == ']') {
                position++;
                return array;
            }
            do {
                array.add(value());
                skipSpace();
            } while (text.charAt(position++) == ',');
            check(text.charAt(position - 1) == ']');
            return array;
        }
        if (c == '"') {
            return string();
        }
        for (String word : List.of("true", "false", "null")) {
            if (text.startsWith(word, position)) {
                position += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        check(position > start);
        return new Number(text.substring(start, position));
    }

    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        for (char c = text.charAt(position++); c != '"'; c = text.charAt(position++)) {
            if (c == '\\') {
                char escaped = text.charAt(position++);
                value.append(escaped == 'n' ? '\n' : escaped);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    private void expect(char c) {
        check(text.charAt(position) == c);
        position++;
    }

    private void check(boolean condition) {
        if (!condition) {
            throw new IllegalArgumentException("malformed JSON at character " + position);
        }
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
