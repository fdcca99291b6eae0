package dev.mrfi.core.experiment;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one sensitivity study.
 *
 * @param study    the study's name, for example {@code bit}
 * @param variable what varies from row to row, the name of the first CSV column: {@code layer}, {@code bit},
 *                 {@code channel}, {@code pixel} or a parameter's name
 * @param golden   the accuracy without faults (quantization applies), for reference
 * @param rows     one row per point, in the study's order
 * @since 0.2
 */
public record StudyResult(String study, String variable, AccuracyEstimate golden, List<StudyRow> rows) {

    /** Copies the rows. */
    public StudyResult {
        Objects.requireNonNull(study, "study is null");
        Objects.requireNonNull(variable, "variable is null");
        Objects.requireNonNull(golden, "golden is null");
        rows = List.copyOf(rows);
    }
}
