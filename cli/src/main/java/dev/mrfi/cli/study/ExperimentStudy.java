package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.StudyResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One kind of sensitivity study of {@code mrfi experiment --study NAME}: what it runs, the CSV it writes
 * and the chart drawn beside it. Adding a study is one class implementing this and one line in
 * {@link StudyCatalog}.
 */
public interface ExperimentStudy {

    /**
     * Returns the name given to {@code --study}.
     *
     * @return for example {@code bit}
     */
    String name();

    /**
     * Returns a one-line description for help and errors.
     *
     * @return the description
     */
    String description();

    /**
     * Returns the options this study reads besides the shared ones, for example {@code --module}; the
     * command refuses the others.
     *
     * @return option names
     */
    java.util.Set<String> options();

    /**
     * Returns the CSV file name; the chart has the same name ending in {@code .png}.
     *
     * @return for example {@code bit_accuracy.csv}
     */
    default String csvFileName() {
        return name() + "_accuracy.csv";
    }

    /**
     * Describes the settings that decide the rows, for the journal header.
     *
     * @param options the options
     * @return for example {@code study=bit; rate=0.001}
     */
    String settings(StudyOptions options);

    /**
     * Runs the study.
     *
     * @param context the studies, options, progress and journal
     * @return the rows
     */
    StudyResult run(StudyContext context);

    /**
     * Draws the result as a PNG.
     *
     * @param result the rows
     * @param title  the chart's title
     * @param file   the PNG to write
     * @throws IOException if the file cannot be written
     */
    void plot(StudyResult result, String title, Path file) throws IOException;
}
