package dev.mrfi.nn.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python literals NPY headers are made of: dicts, tuples and lists, strings, integers (with
 * Python 2's {@code L} suffix too), {@code True}, {@code False} and {@code None}. Dicts become
 * {@link Map}s in order, tuples and lists {@link List}s, integers {@link Long}s, {@code None} the
 * {@link #NONE} marker.
 */
final class PythonLiteral {

    /** Stands for {@code None}, since collections here hold no nulls. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private final String text;
    private int position;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses one literal that makes up the whole text, apart from surrounding white space.
     *
     * @throws IllegalArgumentException with the position and what was expected there
     */
    static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipSpace();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the literal");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (position >= text.length()) {
            throw error("a value expected, the text ended");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return dict();
            case '(':
                return sequence('(', ')');
            case '[':
                return sequence('[', ']');
            case '\'':
            case '"':
                return string();
            default:
                if (c == '-' || c == '+' || Character.isDigit(c)) {
                    return integer();
                }
                if (Character.isLetter(c)) {
                    return name();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<Object, Object> dict() {
        expect('{');
        Map<Object, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek('}')) {
                position++;
                return Collections.unmodifiableMap(map);
            }
            int keyPosition = position;
            Object key = value();
            skipSpace();
            expect(':');
            Object item = value();
            if (map.put(key, item) != null) {
                position = keyPosition;
                throw error("duplicate key " + key);
            }
            if (!separatorOrEnd('}')) {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> sequence(char open, char close) {
        expect(open);
        List<Object> items = new ArrayList<>();
        while (true) {
            skipSpace();
            if (peek(close)) {
                position++;
                return Collections.unmodifiableList(items);
            }
            items.add(value());
            if (!separatorOrEnd(close)) {
                throw error("',' or '" + close + "' expected");
            }
        }
    }

    /** Consumes a comma, or sees (without consuming) the closing bracket; false for anything else. */
    private boolean separatorOrEnd(char close) {
        skipSpace();
        if (peek(',')) {
            position++;
            return true;
        }
        return peek(close);
    }

    private String string() {
        char quote = text.charAt(position++);
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && position < text.length()) {
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case '0' -> value.append('\0');
                    default -> value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
        throw error("unterminated string");
    }

    private Long integer() {
        int start = position;
        if (peek('-') || peek('+')) {
            position++;
        }
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        String digits = text.substring(start, position);
        if (peek('L') || peek('l')) {
            position++;
        }
        if (position < text.length() && (text.charAt(position) == '.' || text.charAt(position) == 'e'
                || text.charAt(position) == 'E' || text.charAt(position) == 'j')) {
            position = start;
            throw error("only integers are expected here");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            position = start;
            throw error("integer '" + digits + "' is out of range");
        }
    }

    private Object name() {
        int start = position;
        while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
            position++;
        }
        String name = text.substring(start, position);
        switch (name) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return NONE;
            default:
                position = start;
                throw error("unknown name '" + name + "'");
        }
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw error("'" + c + "' expected");
        }
        position++;
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at character " + position);
    }
}
