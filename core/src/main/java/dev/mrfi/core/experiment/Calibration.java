package dev.mrfi.core.experiment;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.NameSuggestions;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.config.HookType;
import dev.mrfi.core.config.ModuleMatcher;
import dev.mrfi.core.config.NodeQuery;
import dev.mrfi.core.config.ObserveEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Calibrates quantization ranges, as the reference's scripts do before a fixed-range campaign: observes
 * the float model (quantization and injection off) over calibration images with {@code MaxAbs} or
 * {@code MinMax} at every point a node of the configuration tree quantizes, and writes each node's
 * observed range as its fixed {@code dynamic_range}. Nodes without a quantization that has a range keep
 * their settings. The tree saves in the reference's {@code save_config} format and loads back with
 * {@link dev.mrfi.core.config.ConfigTreeLoader}.
 *
 * <pre>{@code
 * Calibration.Result calibrated = new Calibration(toolkit).calibrate(Calibration.Method.MAX_ABS, 500);
 * calibrated.tree().save(Path.of("calibrated.yaml"));
 * }</pre>
 *
 * <p>The observation is one deterministic pass in data order, so its result does not depend on the
 * thread count or the seed.
 */
public final class Calibration {

    /** The statistic a range is taken from. */
    public enum Method {
        /** The largest magnitude seen. */
        MAX_ABS("MaxAbs"),
        /** The smallest and largest values seen; the range is the larger magnitude of the two. */
        MIN_MAX("MinMax");

        private final String observer;

        Method(String observer) {
            this.observer = observer;
        }

        /**
         * Returns the observer's plugin name.
         *
         * @return {@code MaxAbs} or {@code MinMax}
         */
        public String observer() {
            return observer;
        }

        /**
         * Finds a method by its observer name, as a command line gives it.
         *
         * @param name {@code MaxAbs} or {@code MinMax}, in any case
         * @param path the option or YAML path, for the message
         * @return the method
         * @throws ConfigurationException naming the allowed values, with a suggestion
         */
        public static Method parse(String name, String path) {
            for (Method method : values()) {
                if (method.observer.equalsIgnoreCase(name)) {
                    return method;
                }
            }
            List<String> allowed = Arrays.stream(values()).map(Method::observer).toList();
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, path, "unknown calibration method '"
                    + name + "'. Allowed: " + allowed + "." + NameSuggestions.hint(String.valueOf(name), allowed)));
        }
    }

    /**
     * One calibrated node.
     *
     * @param module   the module's full name
     * @param hook     where the node quantizes
     * @param weight   the weight's name for weight nodes, empty otherwise
     * @param position the node's index in its module's list
     * @param low      the smallest value seen ({@code -range} under {@code MaxAbs})
     * @param high     the largest value seen ({@code range} under {@code MaxAbs})
     * @param range    the fixed {@code dynamic_range} written into the node
     */
    public record CalibratedRange(String module, HookType hook, String weight, int position, double low, double high,
                                  double range) {
    }

    /**
     * The calibrated tree with what produced it.
     *
     * @param provenance the configuration, number of calibration images ({@code seed} plays no part)
     * @param method     the statistic the ranges come from
     * @param ranges     one per calibrated node, in tree order
     * @param skipped    nodes left as they were, with the reason (a range of zero, say)
     * @param tree       the tree with the fixed ranges
     */
    public record Result(Provenance provenance, Method method, List<CalibratedRange> ranges, List<String> skipped,
                         ConfigTree tree) {

        /** Copies the lists. */
        public Result {
            ranges = List.copyOf(ranges);
            skipped = List.copyOf(skipped);
        }

        /**
         * Saves the tree (atomically, see {@link ConfigTree#save(Path)}).
         *
         * @param file the target
         */
        public void save(Path file) {
            tree.save(file);
        }

        /**
         * Returns the ranges as CSV rows.
         *
         * @return columns {@code module,hook,weight,position,low,high,dynamic_range}
         */
        public ResultTable table() {
            List<List<String>> rows = new ArrayList<>();
            for (CalibratedRange range : ranges) {
                rows.add(List.of(range.module(), range.hook().label(), range.weight(), Integer.toString(range.position()),
                        Double.toString(range.low()), Double.toString(range.high()), Double.toString(range.range())));
            }
            return new ResultTable(List.of("module", "hook", "weight", "position", "low", "high", "dynamic_range"),
                    rows);
        }
    }

    private final ExperimentToolkit toolkit;

    /**
     * Creates the calibration on a toolkit's model and data.
     *
     * @param toolkit the toolkit
     */
    public Calibration(ExperimentToolkit toolkit) {
        this.toolkit = Objects.requireNonNull(toolkit, "toolkit is null");
    }

    /**
     * Calibrates the tree of the toolkit's configuration bound to its model.
     *
     * @param method the statistic
     * @param images the number of calibration images, the first ones of the data
     * @return the calibrated tree and ranges
     */
    public Result calibrate(Method method, int images) {
        return calibrate(ConfigTree.bind(toolkit.config(), toolkit.model().describe()), method, images);
    }

    /**
     * Calibrates a given tree, for example one loaded from a file.
     *
     * @param tree   the tree, bound to the toolkit's model
     * @param method the statistic
     * @param images the number of calibration images, the first ones of the data
     * @return the calibrated tree and ranges
     * @throws ConfigurationException if no node of the tree has a quantization with a range
     */
    public Result calibrate(ConfigTree tree, Method method, int images) {
        ExperimentToolkit calibrating = toolkit.limitedTo(images);
        List<ConfigTree.Node> ranged = tree.nodes().stream().filter(n -> n.entry().quantization()
                .map(q -> q.plugin().provider().rangeParameter().isPresent()).orElse(false)).toList();
        if (ranged.isEmpty()) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "faultinject",
                    "no node of the configuration quantizes with a dynamic_range, so there is nothing to calibrate"));
        }
        Set<String> inputs = new LinkedHashSet<>();
        Set<String> outputs = new LinkedHashSet<>();
        Set<String> weights = new LinkedHashSet<>();
        for (ConfigTree.Node node : ranged) {
            switch (node.hook()) {
                case ACTIVATION_IN -> inputs.add(node.module());
                case ACTIVATION_OUT -> outputs.add(node.module());
                case WEIGHT -> weights.add(node.weightName());
            }
        }
        List<ObserveEntry> observers = new ArrayList<>();
        if (!inputs.isEmpty()) {
            observers.add(calibrating.observer(method.observer(), true, exactly(inputs)));
        }
        if (!outputs.isEmpty()) {
            observers.add(calibrating.observer(method.observer(), false, exactly(outputs)));
        }
        ObserveResult activations = observers.isEmpty() ? null : calibrating.activationInfo(observers);
        ObserveResult weightValues = weights.isEmpty() ? null : calibrating.weightInfo(method.observer(),
                List.copyOf(weights), exactly(ranged.stream().filter(n -> n.hook() == HookType.WEIGHT)
                        .map(ConfigTree.Node::module).toList()));
        List<CalibratedRange> ranges = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ConfigTree calibrated = tree;
        for (ConfigTree.Node node : ranged) {
            String where = node.module() + "/" + node.hook().label() + (node.weightName().isEmpty() ? ""
                    : "/" + node.weightName()) + "#" + node.position();
            ObservedStatistic seen = find(node, activations, weightValues);
            if (seen == null || seen.values().isEmpty()) {
                skipped.add(where + ": the model never passed a tensor there");
                continue;
            }
            double low = method == Method.MAX_ABS ? -seen.values().get(0).mean() : seen.values().get(0).mean();
            double high = method == Method.MAX_ABS ? seen.values().get(0).mean() : seen.values().get(1).mean();
            double range = Math.max(Math.abs(low), Math.abs(high));
            if (!(range > 0) || !Double.isFinite(range)) {
                skipped.add(where + ": the observed range is " + range + ", kept as it was");
                continue;
            }
            NodeQuery query = NodeQuery.all().fullName(node.module()).at(node.hook()).index(node.position());
            if (node.hook() == HookType.WEIGHT) {
                query = query.weight(node.weightName());
            }
            calibrated = calibrated.withDynamicRange(query, DynamicRange.of(range));
            ranges.add(new CalibratedRange(node.module(), node.hook(), node.weightName(), node.position(), low, high,
                    range));
        }
        Provenance provenance = new Provenance("calibrate " + method.observer(), toolkit.config().describe(), 0L,
                calibrating.data().size(), 1);
        return new Result(provenance, method, ranges, skipped, calibrated);
    }

    private static ObservedStatistic find(ConfigTree.Node node, ObserveResult activations, ObserveResult weightValues) {
        ObserveResult source = node.hook() == HookType.WEIGHT ? weightValues : activations;
        String point = switch (node.hook()) {
            case ACTIVATION_IN -> "input";
            case ACTIVATION_OUT -> "output";
            case WEIGHT -> "weight:" + node.weightName();
        };
        return source.statistics().stream().filter(s -> s.module().equals(node.module()) && s.point().equals(point))
                .findFirst().orElse(null);
    }

    private static ModuleMatcher exactly(java.util.Collection<String> fullNames) {
        return new ModuleMatcher(List.of(), List.of(), List.copyOf(fullNames));
    }
}
