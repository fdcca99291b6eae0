package com.example.mrfi.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Java code blocks of a Markdown file and checks each against the source region it quotes. A
 * block must follow a line {@code <!-- snippet: path/to/File.java#name -->}; the region is the lines
 * between {@code // snippet:name} and the next {@code // end snippet} in that file. Both sides are
 * compared without their common indentation.
 */
final class DocumentationSnippets {

    private static final Pattern REFERENCE = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");

    private DocumentationSnippets() {
    }

    /**
     * Returns one message per Java block that has no reference, names a missing region, or differs from it.
     *
     * @param root     the folder the references are relative to
     * @param markdown the Markdown file
     * @return the problems; empty when every block quotes its source exactly
     */
    static List<String> problems(Path root, Path markdown) {
        List<String> lines = read(markdown);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int open = i;
            List<String> block = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                block.add(lines.get(i));
            }
            String where = markdown.getFileName() + ":" + (open + 1);
            Matcher reference = open > 0 ? REFERENCE.matcher(lines.get(open - 1).strip()) : null;
            if (reference == null || !reference.matches()) {
                problems.add(where + ": java block without a '<!-- snippet: file#name -->' line before it");
                continue;
            }
            Path source = root.resolve(reference.group(1));
            if (!Files.isRegularFile(source)) {
                problems.add(where + ": " + reference.group(1) + " does not exist");
                continue;
            }
            List<String> region = region(read(source), reference.group(2));
            if (region == null) {
                problems.add(where + ": " + reference.group(1) + " has no region '" + reference.group(2) + "'");
            } else if (!dedent(region).equals(dedent(block))) {
                problems.add(where + ": differs from " + reference.group(1) + "#" + reference.group(2)
                        + "; the source reads:\n" + String.join("\n", dedent(region)));
            }
        }
        return problems;
    }

    private static List<String> region(List<String> source, String name) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals("// snippet:" + name)) {
                List<String> region = new ArrayList<>();
                for (int j = i + 1; j < source.size(); j++) {
                    if (source.get(j).strip().equals("// end snippet")) {
                        return region;
                    }
                    region.add(source.get(j));
                }
                return null;
            }
        }
        return null;
    }

    private static List<String> dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> result = new ArrayList<>();
        for (String line : lines) {
            result.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        return result;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
