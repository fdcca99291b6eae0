package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.StudyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code --study pixel}: faults only pixel (h, w) of the input of {@code --module}, for every pixel. */
final class PixelStudy implements ExperimentStudy {

    @Override
    public String name() {
        return "pixel";
    }

    @Override
    public String description() {
        return "faults one pixel position (all channels) of the input of --module at a time";
    }

    @Override
    public Set<String> options() {
        return Set.of("--rate", "--module");
    }

    @Override
    public String settings(StudyOptions options) {
        return "study=pixel; module=" + options.module() + "; rate=" + options.rate();
    }

    @Override
    public StudyResult run(StudyContext context) {
        StudyOptions options = context.options();
        return context.studies().pixel(options.module(), options.rate(), options.repeats(), context.progress(),
                context.journal());
    }

    @Override
    public void plot(StudyResult result, String title, Path file) throws IOException {
        Charts.heatMap(result, title, file);
    }
}
