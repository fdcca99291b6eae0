package dev.mrfi.cli;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.FaultInjectEntry;
import dev.mrfi.core.config.HookType;
import dev.mrfi.core.engine.FaultSink;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.InjectionSite;
import dev.mrfi.core.engine.JsonLinesFaultManifest;
import dev.mrfi.core.engine.Trial;
import dev.mrfi.nn.io.Npy;
import dev.mrfi.nn.io.NpyArray;
import dev.mrfi.nn.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mrfi apply}: one NumPy array through the engine, as the input activation, output activation or a
 * weight of one module. The model is that module under a root, so the configuration's entries match it as
 * they would in a network; each matching entry of the chosen type is applied once, by one trial's hook.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a configuration's faultinject entries once to a NumPy array, exactly as the engine"
                + " would at one module, and write the result as a float32 .npy of the same shape.",
                "The array is the module's input activation (--type activation), its output (activation_out) or"
                        + " one of its weights (weight)."})
final class ApplyCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "CONFIG", description = "The EasyConfig or configuration tree (YAML or JSON).")
    Path config;

    @Option(names = "--input", required = true, paramLabel = "IN", description = "The array: an .npy file, or an .npz archive with --key.")
    Path input;

    @Option(names = "--key", paramLabel = "KEY", description = "The array of an .npz input (default: its only array).")
    String key;

    @Option(names = "--output", required = true, paramLabel = "OUT", description = "Where the float32 .npy result goes.")
    Path output;

    @Option(names = "--type", defaultValue = "activation", paramLabel = "TYPE",
            description = "What the array is, as an entry's type: activation (= activation_in), activation_out or"
                    + " weight (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--module-name", defaultValue = "fc", paramLabel = "NAME",
            description = "The module's full name, matched by module_name and module_fullname (default: ${DEFAULT-VALUE}).")
    String moduleName;

    @Option(names = "--module-type", defaultValue = "Linear", paramLabel = "TYPE",
            description = "The module's type name, matched by module_type (default: ${DEFAULT-VALUE}).")
    String moduleType;

    @Option(names = "--weight-name", defaultValue = "weight", paramLabel = "NAME",
            description = "With --type weight, the weight's name, matched by an entry's name list (default: ${DEFAULT-VALUE}).")
    String weightName;

    @Option(names = "--seed", description = "Seed of the faults (default: the configuration's seed, else 0).")
    Long seed;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Also write one JSON line per injected value.")
    Path manifest;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws IOException {
        HookType hook = HookType.parse(type).orElseThrow(() -> new MrfiCommand.UserError(
                "--type must be one of " + HookType.SPELLINGS + ", got '" + type + "'"));
        if (moduleName.isEmpty()) {
            throw new MrfiCommand.UserError("--module-name must not be empty: '' is the root module");
        }
        FileChecks.requireFile(config, "configuration file");
        checkPaths();
        NpyArray array = readInput();
        EasyConfig loaded = ConfigFiles.loadWithoutModel(plugins.load().blocks(), config);
        for (String warning : loaded.warnings()) {
            System.err.println("warning: " + warning);
        }
        Warnings.injectsNothing(loaded);
        // entries of another type would act on a tensor this command does not have
        // (a tree's entries name their modules exactly; only this module's apply)
        List<FaultInjectEntry> entries = loaded.faultInject().stream().filter(e -> e.hook() == hook)
                .filter(e -> e.matcher().fullNames().isEmpty() || e.matcher().matches(moduleName, moduleType)).toList();
        EasyConfig applied = new EasyConfig(entries, List.of(), loaded.seed(), loaded.allowInconsistentBitWidth(), List.of());
        Map<String, TensorShape> weights = hook == HookType.WEIGHT ? Map.of(weightName, array.shape()) : Map.of();
        InjectionPlan plan = InjectionPlan.build(applied, List.of(new ModuleDescriptor("", "Model", Map.of()),
                new ModuleDescriptor(moduleName, moduleType, weights)));
        for (String warning : plan.warnings()) {
            System.err.println("warning: " + warning);
        }
        long sites = plan.sites().stream().map(InjectionSite::module).filter(moduleName::equals).count();
        if (sites == 0) {
            System.err.println("warning: no faultinject entry of type " + hook.label() + " matches module '" + moduleName
                    + "' (" + moduleType + "); the output equals the input");
        }
        long trialSeed = seed != null ? seed : loaded.seed().orElse(0L);
        long[] faults = new long[2];
        float[] result;
        try (JsonLinesFaultManifest file = manifest == null ? null : openManifest()) {
            FaultSink sink = record -> {
                faults[record.site().endsWith("/scales") ? 1 : 0]++;
                if (file != null) {
                    file.accept(record);
                }
            };
            result = run(plan.newTrial(trialSeed, sink), hook, array);
        } catch (InjectionException e) {
            throw new MrfiCommand.UserError("cannot apply " + config + " to " + input + ": " + e.getMessage());
        }
        try {
            Npy.write(output, array.shape(), result);
        } catch (IOException e) {
            throw new MrfiCommand.UserError("cannot write " + output + ": " + FileChecks.reason(e));
        }
        String scales = faults[1] == 0 ? "" : String.format(Locale.ROOT, " and %d scale%s", faults[1],
                faults[1] == 1 ? "" : "s");
        System.out.printf(Locale.ROOT, "applied %d faultinject entr%s to %s of %s, %d value%s%s faulted; wrote %s%n",
                sites, sites == 1 ? "y" : "ies", hook.label(), moduleName, faults[0], faults[0] == 1 ? "" : "s", scales,
                output);
        return 0;
    }

    /**
     * Refuses files the run would overwrite with another: the manifest over the input, the output over the
     * configuration, the manifest and the output over each other. The output may replace the input: the
     * array is read first and written atomically.
     */
    private void checkPaths() {
        FileChecks.requireDifferent("--manifest", manifest, "--input", input);
        FileChecks.requireDifferent("--manifest", manifest, "--config", config);
        FileChecks.requireDifferent("--output", output, "--config", config);
        FileChecks.requireDifferent("--output", output, "--manifest", manifest);
    }

    private float[] run(Trial trial, HookType hook, NpyArray array) {
        float[] data = array.data();
        switch (hook) {
            case ACTIVATION_IN:
                trial.onInput(moduleName, data, array.shape());
                return data;
            case ACTIVATION_OUT:
                trial.onOutput(moduleName, data, array.shape());
                return data;
            default:
                return trial.onWeight(moduleName, weightName, data, array.shape());
        }
    }

    private JsonLinesFaultManifest openManifest() {
        try {
            return new JsonLinesFaultManifest(manifest);
        } catch (IOException e) {
            throw new MrfiCommand.UserError("cannot create manifest " + manifest + ": " + FileChecks.reason(e));
        }
    }

    private NpyArray readInput() {
        FileChecks.requireFile(input, "input file");
        boolean archive = input.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz");
        try {
            if (!archive) {
                if (key != null) {
                    throw new MrfiCommand.UserError("--key selects an array of an .npz archive, but " + input
                            + " is not one");
                }
                return Npy.read(input);
            }
            Map<String, NpyArray> arrays = Npz.read(input);
            if (key == null) {
                if (arrays.size() != 1) {
                    throw new MrfiCommand.UserError(input + " holds " + arrays.size() + " arrays; choose one with --key."
                            + " Available: " + arrays.keySet().stream().sorted().toList());
                }
                return arrays.values().iterator().next();
            }
            NpyArray chosen = arrays.get(key);
            if (chosen == null) {
                throw new MrfiCommand.UserError(input + " has no array '" + key + "'. Available: "
                        + arrays.keySet().stream().sorted().toList());
            }
            return chosen;
        } catch (IOException | IllegalArgumentException e) {
            throw new MrfiCommand.UserError("cannot read " + input + ": " + e.getMessage());
        }
    }
}
