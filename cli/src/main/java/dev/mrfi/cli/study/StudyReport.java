package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.StudyResult;
import dev.mrfi.core.experiment.StudyRow;
import dev.mrfi.nn.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** The table and the CSV of a study. */
public final class StudyReport {

    /** The CSV columns after the first, which names what varies. */
    public static final String ACCURACY_COLUMNS = "accuracy_mean,accuracy_low,accuracy_high,repeats";

    private StudyReport() {
    }

    /**
     * Prints the golden accuracy and one line per row.
     *
     * @param result the study
     * @param out    where to print
     */
    public static void print(StudyResult result, PrintStream out) {
        int width = Math.max(12, result.rows().stream().mapToInt(r -> r.label().length()).max().orElse(0) + 2);
        String format = "%-" + width + "s %10.4f %10.4f %10.4f %8d%s%n";
        out.printf(Locale.ROOT, "%-" + width + "s %10s %10s %10s %8s%n", result.variable(), "accuracy", "low95", "high95",
                "repeats");
        out.printf(Locale.ROOT, format, "(golden)", result.golden().mean(), result.golden().low(), result.golden().high(),
                result.golden().repeats(), "");
        for (StudyRow row : result.rows()) {
            out.printf(Locale.ROOT, format, row.label(), row.accuracy().mean(), row.accuracy().low(),
                    row.accuracy().high(), row.accuracy().repeats(), row.failures() > 0 ? "  (" + row.failures()
                            + " failed)" : "");
        }
    }

    /**
     * Writes the CSV: the variable's name, then {@link #ACCURACY_COLUMNS}; one line per row.
     *
     * @param result the study
     * @param file   the CSV
     * @throws IOException if the file cannot be written
     */
    public static void writeCsv(StudyResult result, Path file) throws IOException {
        AtomicFiles.write(file, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            writer.write(result.variable() + "," + ACCURACY_COLUMNS + "\n");
            for (StudyRow row : result.rows()) {
                writer.write(String.format(Locale.ROOT, "%s,%s,%s,%s,%d%n", csvField(row.label()), row.accuracy().mean(),
                        row.accuracy().low(), row.accuracy().high(), row.accuracy().repeats()));
            }
            writer.flush();
        });
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
