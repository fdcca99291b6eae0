package dev.mrfi.hardening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates configuration text line by line: deleted, duplicated (so keys repeat), swapped and re-indented
 * lines, inserted YAML syntax (anchors, aliases, tags, document markers, merge keys), replaced values and
 * truncation. Every change is written to a log.
 */
final class TextMutator {

    private static final String[] TOKENS = {":", ": ", "- ", "-", "[", "]", "{", "}", ",", "*a", "&a ", "!!binary ",
        "!!str ", "!!int ", "!!float ", "!!python/object/apply:os.system ", "!custom ", "---\n", "...\n", "# ", "\t",
        "\u0000", "\ufeff", "'", "\"", "? ", "|\n", ">\n", "<<: ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", ".nan",
        ".inf", "-.inf", "1e400", "0x1F", "0o17", "~", "\\", "\r", "\u2028", "\u0085", "@", "`", "%", "=", "<<"};
    private static final String[] VALUES = {"~", "null", "", "[]", "{}", "[1, 2", "{a: 1", ".nan", ".NaN", ".inf", "-.inf",
        "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "-9223372036854775809", "0x7fffffff",
        "0b101", "1_000", "yes", "No", "ON", "true", "'auto'", "auto", "\"8\"", "8.0", "2.5e-3", "*alias", "&anchor 3",
        "!!binary aGk=", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2001-12-14", "2001-12-14", "12:30:00",
        "|\n  text", ">-\n  folded", "- item", "\"\\u0000\"", "\"\\ud800\"", "'it''s'", "[[[]]]", "{a: {b: {c: d}}}",
        "[*a, *a]", "? complex"};

    private final SplittableRandom random;
    private final StringBuilder log;

    TextMutator(SplittableRandom random, StringBuilder log) {
        this.random = random;
        this.log = log;
    }

    /**
     * Applies several mutations.
     *
     * @param text  the document
     * @param count how many
     * @return the changed document
     */
    String mutate(String text, int count) {
        String current = text;
        for (int i = 0; i < count; i++) {
            current = mutateOnce(current);
        }
        return current;
    }

    private String mutateOnce(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(11)) {
            case 0:
                log.append("delete line ").append(at).append('\n');
                lines.remove(at);
                break;
            case 1:
            case 2:
                log.append("duplicate line ").append(at).append('\n');
                lines.add(at, line);
                break;
            case 3:
                if (at + 1 < lines.size()) {
                    log.append("swap lines ").append(at).append(" and ").append(at + 1).append('\n');
                    lines.set(at, lines.get(at + 1));
                    lines.set(at + 1, line);
                }
                break;
            case 4: {
                int shift = random.nextInt(-3, 4);
                log.append("indent line ").append(at).append(" by ").append(shift).append('\n');
                lines.set(at, shift >= 0 ? " ".repeat(shift) + line : line.substring(Math.min(line.length(),
                        Math.min(-shift, line.length() - line.stripLeading().length()))));
                break;
            }
            case 5:
            case 6: {
                String token = TOKENS[random.nextInt(TOKENS.length)];
                int column = random.nextInt(line.length() + 1);
                log.append("insert ").append(Plain.show(token)).append(" at line ").append(at).append(", column ")
                        .append(column).append('\n');
                lines.set(at, line.substring(0, column) + token + line.substring(column));
                break;
            }
            case 7:
            case 8: {
                int colon = line.indexOf(": ");
                String value = VALUES[random.nextInt(VALUES.length)];
                log.append("set the value of line ").append(at).append(" to ").append(Plain.show(value)).append('\n');
                lines.set(at, (colon >= 0 ? line.substring(0, colon + 2) : line + ": ") + value);
                break;
            }
            case 9: {
                int cut = random.nextInt(text.length() + 1);
                log.append("truncate at ").append(cut).append('\n');
                return text.substring(0, cut);
            }
            default: {
                int colon = line.indexOf(": ");
                int other = random.nextInt(lines.size());
                int otherColon = lines.get(other).indexOf(": ");
                if (colon >= 0 && otherColon >= 0 && other != at) {
                    log.append("anchor line ").append(at).append(", alias at line ").append(other).append('\n');
                    lines.set(at, line.substring(0, colon + 2) + "&x " + line.substring(colon + 2));
                    lines.set(other, lines.get(other).substring(0, otherColon + 2) + "*x");
                } else {
                    log.append("append a second document\n");
                    lines.add("---");
                    lines.add("faultinject: []");
                }
                break;
            }
        }
        return String.join("\n", lines);
    }
}
