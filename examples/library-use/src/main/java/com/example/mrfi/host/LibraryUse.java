package com.example.mrfi.host;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.host.ForwardHooks;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.registry.PluginFolders;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A host program with its own tensors, one linear layer {@code y = W x}, run clean and then with faults.
 * Plugins come from the class path and from the folders in {@code MRFI_PLUGIN_PATH}.
 */
public final class LibraryUse {

    static final String CONFIG = """
            faultinject:
              - type: activation            # the layer's input: flip the sign bit of one 8-bit code
                module_name: fc
                quantization: {method: SymmericQuantization, bit_width: 8, dynamic_range: auto}
                selector: {method: FixPosition, position: 2}
                error_mode: {method: IntSignBitFlip, bit_width: 8}
              - type: weight                # the weights: one random bit in about a quarter of them
                module_name: fc
                selector: {method: RandomPositionByRate, rate: 0.25}
                error_mode: {method: FloatRandomBitFlip}
            """;
    static final TensorShape INPUT = TensorShape.of(1, 4);
    static final TensorShape WEIGHT = TensorShape.of(2, 4);

    private LibraryUse() {
    }

    /** Prints the clean output and the output of one trial; the optional argument is the seed. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 0L;
        // snippet:run
        InjectionPlan plan = plan();                          // once: validated and matched to the modules
        float[] clean = forward(ForwardHooks.NONE);           // a plain float pass
        float[] faulty = forward(plan.newTrial(seed));        // one trial: a fresh run context per pass and thread
        // end snippet
        System.out.println("clean:  " + Arrays.toString(clean));
        System.out.println("faulty: " + Arrays.toString(faulty));
    }

    /** Validates the configuration and matches it against the host's modules, once. */
    static InjectionPlan plan() {
        // snippet:plan
        Mrfi mrfi = Mrfi.load(PluginFolders.fromEnvironment().folders());   // plugins: class path + folders
        EasyConfig config = new EasyConfigLoader(mrfi.blocks()).parse(CONFIG, "LibraryUse.CONFIG");
        return InjectionPlan.build(config, List.of(new ModuleDescriptor("", "Host", Map.of()),
                new ModuleDescriptor("fc", "Linear", Map.of("weight", WEIGHT))));
        // end snippet
    }

    /** The host's forward pass, calling the hooks where a module takes its input and weights. */
    static float[] forward(ForwardHooks hooks) {
        float[] x = {0.5f, -1f, 2f, 0.25f};
        float[] cleanWeight = {0.1f, 0.2f, 0.3f, 0.4f, -0.4f, -0.3f, -0.2f, -0.1f};
        hooks.onInput("fc", x, INPUT);
        float[] weight = hooks.onWeight("fc", "weight", cleanWeight, WEIGHT);
        float[] y = new float[2];
        for (int o = 0; o < y.length; o++) {
            for (int i = 0; i < x.length; i++) {
                y[o] += weight[o * x.length + i] * x[i];
            }
        }
        hooks.onOutput("fc", y, TensorShape.of(1, 2));
        return y;
    }
}
