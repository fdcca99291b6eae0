package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.StudyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code --study channel}: faults only channel c of the input of {@code --module}, for every channel. */
final class ChannelStudy implements ExperimentStudy {

    @Override
    public String name() {
        return "channel";
    }

    @Override
    public String description() {
        return "faults one channel of the input of --module at a time";
    }

    @Override
    public Set<String> options() {
        return Set.of("--rate", "--module");
    }

    @Override
    public String settings(StudyOptions options) {
        return "study=channel; module=" + options.module() + "; rate=" + options.rate();
    }

    @Override
    public StudyResult run(StudyContext context) {
        StudyOptions options = context.options();
        return context.studies().channel(options.module(), options.rate(), options.repeats(), context.progress(),
                context.journal());
    }

    @Override
    public void plot(StudyResult result, String title, Path file) throws IOException {
        Charts.bars(result, title, file);
    }
}
