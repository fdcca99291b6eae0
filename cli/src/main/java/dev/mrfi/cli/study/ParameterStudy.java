package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.StudyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/** {@code --study param}: accuracy along the {@code --values} of the parameter {@code --param}. */
final class ParameterStudy implements ExperimentStudy {

    @Override
    public String name() {
        return "param";
    }

    @Override
    public String description() {
        return "sweeps the numeric parameter --param over --values";
    }

    @Override
    public Set<String> options() {
        return Set.of("--param", "--values");
    }

    @Override
    public String settings(StudyOptions options) {
        return "study=param; param=" + options.param() + "; values=" + Arrays.toString(options.values());
    }

    @Override
    public StudyResult run(StudyContext context) {
        StudyOptions options = context.options();
        return context.studies().parameter(options.param(), options.values(), options.repeats(), context.progress(),
                context.journal());
    }

    @Override
    public void plot(StudyResult result, String title, Path file) throws IOException {
        Charts.line(result, title, file);
    }
}
