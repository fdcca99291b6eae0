package dev.mrfi.cli.study;

import java.util.List;
import java.util.Optional;

/** The sensitivity studies {@code mrfi experiment --study} runs besides the BER sweep. */
public final class StudyCatalog {

    private static final List<ExperimentStudy> STUDIES = List.of(new LayerStudy(), new BitStudy(), new ChannelStudy(),
            new PixelStudy(), new ParameterStudy());

    private StudyCatalog() {
    }

    /**
     * Returns every study, in the order of the documentation.
     *
     * @return the studies
     */
    public static List<ExperimentStudy> all() {
        return STUDIES;
    }

    /**
     * Finds a study by name.
     *
     * @param name the {@code --study} value
     * @return the study, or empty
     */
    public static Optional<ExperimentStudy> find(String name) {
        return STUDIES.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
