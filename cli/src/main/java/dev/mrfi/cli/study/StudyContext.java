package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.Studies;
import dev.mrfi.core.experiment.TrialJournal;

/**
 * What a study runs with.
 *
 * @param studies  the study API over the chosen model, data and configuration
 * @param options  the study options
 * @param progress receives (finished, total) trials
 * @param journal  the run's journal
 */
public record StudyContext(Studies studies, StudyOptions options, Experiments.ProgressListener progress,
                           TrialJournal journal) {
}
