package dev.mrfi.cli.study;

import dev.mrfi.core.experiment.StudyResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/** {@code --study bit}: flips exactly bit k of each faulty value, for every bit k of the code. */
final class BitStudy implements ExperimentStudy {

    @Override
    public String name() {
        return "bit";
    }

    @Override
    public String description() {
        return "flips exactly one bit position of each faulty value, for every position (0 = least significant)";
    }

    @Override
    public Set<String> options() {
        return Set.of("--rate");
    }

    @Override
    public String settings(StudyOptions options) {
        return "study=bit; rate=" + options.rate();
    }

    @Override
    public StudyResult run(StudyContext context) {
        StudyOptions options = context.options();
        return context.studies().bit(options.rate(), options.repeats(), context.progress(), context.journal());
    }

    @Override
    public void plot(StudyResult result, String title, Path file) throws IOException {
        Charts.bars(result, title, file);
    }
}
