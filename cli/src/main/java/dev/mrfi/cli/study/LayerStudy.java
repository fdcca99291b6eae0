package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.StudyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code --study layer} (alias {@code --layerwise}): the configuration as given, one module at a time. */
final class LayerStudy implements ExperimentStudy {

    @Override
    public String name() {
        return "layer";
    }

    @Override
    public String description() {
        return "injects into one module at a time with the configuration as given";
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public String settings(StudyOptions options) {
        return "study=layer";
    }

    @Override
    public StudyResult run(StudyContext context) {
        return context.studies().layer(context.options().repeats(), context.progress(), context.journal());
    }

    @Override
    public void plot(StudyResult result, String title, Path file) throws IOException {
        Charts.bars(result, title, file);
    }
}
