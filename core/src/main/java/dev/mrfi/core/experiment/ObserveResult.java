package dev.mrfi.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The observers' results of a run, with what produced them.
 *
 * @param provenance  the configuration, seed, number of images and repeats
 * @param statistics  one per observer, in the order the observers first ran
 * @param failures    trials that failed because a plugin failed; the statistics use the others
 */
public record ObserveResult(Provenance provenance, List<ObservedStatistic> statistics, int failures) {

    /** Copies the list. */
    public ObserveResult {
        statistics = List.copyOf(statistics);
    }

    /**
     * Finds an observer's statistic by its key.
     *
     * @param key for example {@code conv1.pre.0} or {@code fc1.weight}
     * @return the statistic, or empty
     */
    public Optional<ObservedStatistic> find(String key) {
        return statistics.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * Returns the statistics as CSV rows, one per number an observer reported.
     *
     * @return columns {@code key,module,point,observer,component,mean,low,high,repeats}
     */
    public ResultTable table() {
        return new ResultTable(HEADER, rows(List.of()));
    }

    static final List<String> HEADER = List.of("key", "module", "point", "observer", "component", "mean", "low",
            "high", "repeats");

    List<List<String>> rows(List<String> prefix) {
        List<List<String>> rows = new ArrayList<>();
        for (ObservedStatistic statistic : statistics) {
            for (int i = 0; i < statistic.values().size(); i++) {
                ValueEstimate value = statistic.values().get(i);
                List<String> row = new ArrayList<>(prefix);
                row.addAll(List.of(statistic.key(), statistic.module(), statistic.point(), statistic.observer(),
                        Integer.toString(i), Double.toString(value.mean()), Double.toString(value.low()),
                        Double.toString(value.high()), Integer.toString(value.repeats())));
                rows.add(row);
            }
        }
        return rows;
    }
}
