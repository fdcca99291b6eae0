package dev.mrfi.core.experiment;

import java.util.List;
import java.util.Objects;

/**
 * A result as rows of text, ready for a CSV file: the first column names what varies.
 *
 * @param header the column names
 * @param rows   the rows, each as long as the header
 */
public record ResultTable(List<String> header, List<List<String>> rows) {

    /** Copies the lists and checks the row lengths. */
    public ResultTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, the header "
                        + header.size());
            }
        }
    }

    /**
     * Returns the table as CSV: the header line, then one line per row; cells holding a comma, a quote or a
     * line break are quoted.
     *
     * @return the text, ending in a newline
     */
    public String toCsv() {
        StringBuilder text = new StringBuilder();
        line(text, header);
        rows.forEach(row -> line(text, row));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = Objects.requireNonNull(cells.get(i), "a cell is null");
            if (i > 0) {
                text.append(',');
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
                text.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                text.append(cell);
            }
        }
        text.append('\n');
    }
}
