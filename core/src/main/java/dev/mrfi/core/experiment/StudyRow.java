package dev.mrfi.core.experiment;

import java.util.List;
import java.util.Objects;

/**
 * One row of a sensitivity study: what was varied at this point and the accuracy measured there.
 *
 * @param label    the value of what varies, as written in the first CSV column: a module name, a bit
 *                 number, a channel number, {@code h:w} for a pixel, or a parameter value
 * @param position the numeric coordinates of the point (a bit, a channel, a pixel's height and width, a
 *                 parameter value's index); empty for a module
 * @param accuracy the accuracy estimate over the trials that finished
 * @param failures trials of this point that failed because a plugin failed
 * @since 0.2
 */
public record StudyRow(String label, List<Integer> position, AccuracyEstimate accuracy, int failures) {

    /** Copies the position. */
    public StudyRow {
        Objects.requireNonNull(label, "label is null");
        position = List.copyOf(position);
        Objects.requireNonNull(accuracy, "accuracy is null");
    }
}
