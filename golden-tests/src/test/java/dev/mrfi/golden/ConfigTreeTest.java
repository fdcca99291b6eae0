package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.DynamicRange;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.config.ConfigTreeLoader;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.HookType;
import dev.mrfi.core.config.NodeQuery;
import dev.mrfi.core.engine.FaultRecord;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.nn.LeNet;
import dev.mrfi.nn.Network;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The per-module configuration tree: the reference's saved trees load, bind to LeNet and inject exactly
 * as the equivalent EasyConfig; edits broadcast over the nodes a query finds; a saved tree loads back equal.
 */
class ConfigTreeTest {

    private static final Mrfi MRFI = Mrfi.load();
    private static final Network LENET = LeNet.embedded();
    private static final List<ModuleDescriptor> MODULES = LENET.describe();
    private static final ConfigTreeLoader TREES = new ConfigTreeLoader(MRFI.blocks());
    private static final EasyConfigLoader CONFIGS = new EasyConfigLoader(MRFI.blocks());
    private static final TensorShape BATCH = TensorShape.of(8, 1, 28, 28);

    private static ConfigTree referenceTree(String name) throws IOException {
        try (InputStream in = ConfigTreeTest.class.getResourceAsStream("trees/" + name)) {
            Object document = ConfigDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            assertThat(ConfigTreeLoader.isTree(document)).isTrue();
            return TREES.fromDocument(document, MODULES);
        }
    }

    private static float[] images() {
        SplittableRandom random = new SplittableRandom(3);
        float[] images = new float[BATCH.size()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) random.nextDouble();
        }
        return images;
    }

    /** Runs one faulty pass and returns its logits and the sites of every fault. */
    private static Run run(EasyConfig config, long seed) {
        List<FaultRecord> faults = new ArrayList<>();
        float[] logits = LENET.forward(images(), BATCH, InjectionPlan.build(config, MODULES)
                .newTrial(seed, faults::add)).data();
        return new Run(logits, faults.stream().map(FaultRecord::site).toList());
    }

    private record Run(float[] logits, List<String> sites) {
    }

    @Test
    void theReferencesDefaultTreeEqualsThePresetBoundToLeNetAndInjectsTheSameFaults() throws IOException {
        EasyConfig preset = CONFIGS.preset("default_fi").withBer(1e-3, java.util.OptionalInt.empty());
        ConfigTree loaded = referenceTree("lenet_default_fi_tree.yaml").withRate(NodeQuery.all(), 1.6e-2);
        ConfigTree bound = ConfigTree.bind(preset, MODULES);

        assertThat(loaded).isEqualTo(bound);
        assertThat(loaded.nodes()).extracting(ConfigTree.Node::module)
                .containsExactly("conv1", "conv2", "fc1", "fc2", "fc3");
        Run fromTree = run(loaded.toEasyConfig(), 11);
        Run fromPreset = run(preset, 11);
        assertThat(fromTree.sites()).isNotEmpty().isEqualTo(fromPreset.sites());
        assertThat(fromTree.logits()).isEqualTo(fromPreset.logits());
    }

    @Test
    void theWeightTreeHasOneWeightNodePerLayerNamedWeight() throws IOException {
        ConfigTree tree = referenceTree("lenet_weight_fi_tree.yaml");
        assertThat(tree.nodes(NodeQuery.weights())).hasSize(5).allSatisfy(node -> {
            assertThat(node.hook()).isEqualTo(HookType.WEIGHT);
            assertThat(node.weightName()).isEqualTo("weight");
        });
        assertThat(tree).isEqualTo(ConfigTree.bind(CONFIGS.preset("weight_fi"), MODULES));
        assertThat(run(tree.toEasyConfig(), 5).sites()).isNotEmpty()
                .allSatisfy(site -> assertThat(site).contains("/weight/weight#0"));
    }

    @Test
    void theConv2OnlyTreeInjectsOnlyIntoConv2sInputWithRange2point5AndRate1e3() throws IOException {
        ConfigTree tree = referenceTree("lenet_conv2_only_tree.yaml");
        List<ConfigTree.Node> enabled = tree.nodes().stream().filter(n -> n.entry().enabled()).toList();
        assertThat(enabled).singleElement().satisfies(node -> {
            assertThat(node.module()).isEqualTo("conv2");
            assertThat(node.hook()).isEqualTo(HookType.ACTIVATION_IN);
            assertThat(node.entry().rate()).hasValue(0.001);
            assertThat(node.entry().quantization().orElseThrow().plugin().config().values())
                    .containsEntry("dynamic_range", DynamicRange.of(2.5));
        });
        // a high rate makes sure a disabled node would show up in the faults if it injected
        List<String> sites = run(tree.withRate(NodeQuery.all(), 0.05).toEasyConfig(), 3).sites();
        assertThat(sites).isNotEmpty().allSatisfy(site -> assertThat(site).isEqualTo("conv2/activation_in#0"));

        ConfigTree edited = referenceTree("lenet_default_fi_tree.yaml")
                .withEnabled(NodeQuery.activations(), false)
                .withEnabled(NodeQuery.activations().named("conv2"), true)
                .withRate(NodeQuery.activations().named("conv2"), 0.001)
                .withDynamicRange(NodeQuery.activations().named("conv2"), DynamicRange.of(2.5));
        assertThat(edited).isEqualTo(tree);
    }

    @Test
    void aSavedTreeLoadsBackEqualAfterPerLayerEdits() {
        ConfigTree tree = ConfigTree.bind(CONFIGS.preset("default_fi"), MODULES)
                .withRate(NodeQuery.all().named("fc"), 2e-4)
                .withDynamicRange(NodeQuery.all().fullName("conv1"), DynamicRange.of(3.0))
                .withEnabled(NodeQuery.all().ofType("Linear").named("fc3"), false);
        String yaml = tree.toYaml();
        ConfigTree back = TREES.fromDocument(ConfigDocuments.parse(yaml, "saved"), MODULES);

        assertThat(back).isEqualTo(tree);
        assertThat(back.toYaml()).isEqualTo(yaml);
        assertThat(back.nodes(NodeQuery.all().fullName("conv1")).get(0).entry().quantization().orElseThrow()
                .plugin().config().values()).containsEntry("dynamic_range", DynamicRange.of(3.0));
        assertThat(back.nodes(NodeQuery.all().named("fc"))).extracting(n -> n.entry().rate().getAsDouble())
                .containsOnly(2e-4);
        assertThat(yaml).startsWith("activation: {}\nactivation_out: {}\nobservers: {}\nobservers_pre: {}\nsub_modules:\n")
                .contains("  conv1:\n    activation:\n      0:\n        enabled: true\n");
        assertThat(tree).isNotEqualTo(ConfigTree.bind(CONFIGS.preset("default_fi"), MODULES));
    }

    @Test
    void treeMistakesAreReportedAtTheirYamlPathsWithHints() {
        String yaml = "sub_modules:\n"
                + "  conv9:\n    activation_out:\n      0: {error_mode: {method: SetZero}}\n"
                + "  conv2:\n    activation:\n      0:\n        enabled: true\n"
                + "        quantization: {method: SymmericQuantization, layerwise: true, args: {bit_width: 16, dynamic_range: auto}}\n"
                + "        selector: {method: RandomPositionByRate, args: {rte: 1e-3}}\n"
                + "        error_mode: {method: IntSignBitFlip, args: {bit_width: 8}}\n"
                + "    weights:\n      0: {name: wieght, error_mode: {method: SetZero}}\n"
                + "    activaton: {}\n";
        assertThatThrownBy(() -> TREES.fromDocument(ConfigDocuments.parse(yaml, "bad"), MODULES))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/UnknownParameter] sub_modules.conv2.activation.0.selector.args.rte:"
                        + " unknown parameter 'rte'")
                .hasMessageContaining("Did you mean 'rate'?")
                .hasMessageContaining("[config/InconsistentBitWidth] sub_modules.conv2.activation.0.error_mode.args.bit_width")
                .hasMessageContaining("[config/UnknownKey] sub_modules.conv2.activaton: unknown key 'activaton'")
                .hasMessageContaining("[config/NoMatchingModule] sub_modules.conv9: the model has no module 'conv9'."
                        + " Did you mean 'conv1'")
                .hasMessageContaining("sub_modules.conv2.weights.0.name: module 'conv2' (Conv2d) has no weight 'wieght'");
    }
}
