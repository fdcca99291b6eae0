package dev.mrfi.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.config.ConfigTreeLoader;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.InjectionTarget;
import dev.mrfi.core.engine.FaultRecord;
import dev.mrfi.core.engine.FaultReplay;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults in the scales of quantizers ({@code target: scales}), through the engine, as a user configures them. */
class ScaleFaultsTest {

    private static final Mrfi MRFI = Mrfi.load();
    private static final EasyConfigLoader LOADER = new EasyConfigLoader(MRFI.blocks());
    private static final List<ModuleDescriptor> MODEL = List.of(
            new ModuleDescriptor("", "Net", Map.of()),
            new ModuleDescriptor("fc", "Linear", Map.of("weight", TensorShape.of(4, 8))));

    private static String mxWeightEntry(String target, String selector) {
        return "faultinject:\n  - type: weight\n    module_name: fc\n"
                + "    quantization: {method: MxQuantization, format: fp8_e4m3, block_size: 8}\n"
                + "    selector: " + selector + "\n"
                + "    error_mode: {method: IntFixedBitFlip, bit_width: 8, signed: false, bit: 0}\n"
                + (target == null ? "" : "    target: " + target + "\n");
    }

    private static float[] weights() {
        float[] w = new float[32];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 8 + 1) * 0.25f * (i % 2 == 0 ? 1 : -1);
        }
        return w;
    }

    private static float[] run(String yaml, long seed) {
        Trial trial = InjectionPlan.build(LOADER.parse(yaml, "t.yaml"), MODEL).newTrial(seed);
        return trial.onWeight("fc", "weight", weights(), TensorShape.of(4, 8)).clone();
    }

    private static float[] golden(String yaml) {
        Trial trial = InjectionPlan.build(LOADER.parse(yaml, "t.yaml"), MODEL).newTrial(1);
        trial.setGolden(true);
        return trial.onWeight("fc", "weight", weights(), TensorShape.of(4, 8)).clone();
    }

    @Test
    void aFlippedSharedExponentScalesExactlyItsBlockByAPowerOfTwo() {
        // the blocks' maxima are 2.0 (exponent 1 - 8 = -7, code 120); flipping bit 0 gives code 121: scale doubles
        String yaml = mxWeightEntry("scales", "{method: FixPosition, position: 2}");
        float[] clean = golden(yaml);
        float[] faulty = run(yaml, 7);
        for (int i = 0; i < 32; i++) {
            float expected = i / 8 == 2 ? clean[i] * 2f : clean[i];
            assertThat(faulty[i]).as("value %d", i).isEqualTo(expected);
        }
    }

    @Test
    void withoutTargetAnEntryStillFaultsValuesAndTheScalesStayIntact() {
        String yaml = mxWeightEntry(null, "{method: FixPosition, position: 2}");
        float[] clean = golden(yaml);
        float[] faulty = run(yaml, 7);
        int changed = 0;
        for (int i = 0; i < 32; i++) {
            changed += faulty[i] != clean[i] ? 1 : 0;
        }
        assertThat(changed).isEqualTo(1);
        assertThat(faulty[3]).isEqualTo(clean[3]);
        assertThat(LOADER.parse(yaml, "t").faultInject().get(0).target()).isEqualTo(InjectionTarget.VALUES);
    }

    @Test
    void bothFaultsTheValueAndTheScaleFromSeparateStreams() {
        String yaml = mxWeightEntry("both", "{method: FixPosition, position: 2}");
        float[] clean = golden(yaml);
        float[] faulty = run(yaml, 7);
        // value 2 (block 0) gets a flipped code; block 2 gets a doubled scale
        assertThat(faulty[2]).isNotEqualTo(clean[2]);
        assertThat(faulty[17]).isEqualTo(clean[17] * 2f);
        assertThat(faulty[9]).isEqualTo(clean[9]);
    }

    @Test
    void aRateAppliesToTheNumberOfScalesAndTheSameSeedGivesTheSameFaults() {
        String yaml = mxWeightEntry("scales", "{method: RandomPositionByRate, rate: 0.5}");
        float[] clean = golden(yaml);
        float[] first = run(yaml, 11);
        assertThat(run(yaml, 11)).containsExactly(first);
        int blocksChanged = 0;
        for (int block = 0; block < 4; block++) {
            boolean changed = false;
            for (int i = block * 8; i < block * 8 + 8; i++) {
                changed |= first[i] != clean[i];
            }
            blocksChanged += changed ? 1 : 0;
        }
        assertThat(blocksChanged).isBetween(1, 4);
    }

    @Test
    void scaleFaultsAreRecordedUnderTheSiteWithScalesAndReplayExactly(@TempDir Path dir) throws IOException {
        String yaml = mxWeightEntry("scales", "{method: RandomPositionByNumber, n: 2}");
        InjectionPlan plan = InjectionPlan.build(LOADER.parse(yaml, "t.yaml"), MODEL);
        List<FaultRecord> records = new ArrayList<>();
        float[] faulty = plan.newTrial(5, records::add).onWeight("fc", "weight", weights(), TensorShape.of(4, 8)).clone();
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.site()).endsWith("/scales");
            assertThat(r.flatIndex()).isBetween(0, 3);
            assertThat(r.before()).isEqualTo(120f);
            assertThat(Integer.bitCount((int) r.before() ^ (int) r.after())).isEqualTo(1);
        });
        Path manifest = dir.resolve("faults.jsonl");
        Files.write(manifest, records.stream().map(FaultRecord::toJson).toList());
        float[] replayed = plan.replayTrial(FaultReplay.read(manifest), r -> { })
                .onWeight("fc", "weight", weights(), TensorShape.of(4, 8)).clone();
        assertThat(replayed).containsExactly(faulty);
    }

    @Test
    void perChannelRangesAreFloat32ScalesForFloatErrorModes() {
        String yaml = "faultinject:\n  - type: weight\n    module_name: fc\n"
                + "    quantization: {method: PerChannelQuantization, bit_width: 8}\n"
                + "    selector: {method: FixPosition, position: 1}\n"
                + "    error_mode: {method: SetValue, value: 0.5}\n"
                + "    target: scales\n";
        float[] clean = golden(yaml);
        float[] faulty = run(yaml, 3);
        // channel 1 (values 8..15) has range 2.0; setting it to 0.5 divides its values by 4
        for (int i = 0; i < 32; i++) {
            assertThat(faulty[i]).as("value %d", i).isEqualTo(i / 8 == 1 ? clean[i] * (0.5f / 127f) * (127f / 2f) : clean[i]);
        }
    }

    @Test
    void theTargetSurvivesAConfigTreeSaveAndLoad() {
        EasyConfig config = LOADER.parse(mxWeightEntry("scales", "{method: FixPosition, position: 2}"), "t");
        ConfigTree tree = ConfigTree.bind(config, MODEL);
        String yaml = tree.toYaml();
        assertThat(yaml).contains("target: scales");
        ConfigTree loaded = new ConfigTreeLoader(MRFI.blocks()).fromDocument(
                dev.mrfi.core.config.ConfigDocuments.parse(yaml, "tree.yaml"), MODEL);
        assertThat(loaded.nodes()).singleElement()
                .satisfies(n -> assertThat(n.entry().target()).isEqualTo(InjectionTarget.SCALES));
    }

    @Test
    void editingABlockOfAnEntryKeepsItsTarget() {
        EasyConfig config = LOADER.parse(mxWeightEntry("both", "{method: FixPosition, position: 2}"), "t");
        EasyConfig edited = LOADER.setSelector(config, 0, Map.of("method", "FixPosition", "position", 1), false);
        assertThat(edited.faultInject().get(0).target()).isEqualTo(InjectionTarget.BOTH);
        assertThat(edited.faultInject().get(0).withRate(0.5).target()).isEqualTo(InjectionTarget.BOTH);
    }

    @Test
    void theTargetIsPartOfTheDescriptionThatGuardsResumedCampaigns() {
        String values = LOADER.parse(mxWeightEntry(null, "{method: FixPosition, position: 2}"), "t").describe();
        String scales = LOADER.parse(mxWeightEntry("scales", "{method: FixPosition, position: 2}"), "t").describe();
        assertThat(values).doesNotContain("target=");
        assertThat(scales).contains(" target=scales}").isNotEqualTo(values);
    }

    private static String errors(String yaml) {
        try {
            LOADER.parse(yaml, "t.yaml");
        } catch (ConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ConfigurationException");
    }

    @Test
    void rejectsAnUnknownTargetWithASuggestion() {
        assertThat(errors(mxWeightEntry("scale", "{method: FixPosition, position: 2}")))
                .contains("[config/InvalidValue] faultinject[0].target: unknown target 'scale'."
                        + " Allowed: [both, scales, values].")
                .contains("Did you mean 'scales'?");
    }

    @Test
    void rejectsScalesOnAQuantizationWithoutScales() {
        String yaml = "faultinject:\n  - type: weight\n    module_name: fc\n"
                + "    quantization: {method: Fp8Quantization, format: e4m3}\n"
                + "    error_mode: {method: IntRandomBitFlip, bit_width: 8, signed: false}\n"
                + "    target: scales\n";
        assertThat(errors(yaml)).contains("1) [config/NoScales] faultinject[0].target: Fp8Quantization exposes no"
                + " scales to inject into.").contains("1 error");
    }

    @Test
    void rejectsAnErrorModeWhoseWidthDiffersFromTheScaleEncoding() {
        String yaml = "faultinject:\n  - type: weight\n    module_name: fc\n"
                + "    quantization: {method: MxQuantization, format: fp4_e2m1}\n"
                + "    error_mode: {method: IntRandomBitFlip, bit_width: 4, signed: false}\n"
                + "    target: scales\n";
        assertThat(errors(yaml)).contains("[config/InconsistentBitWidth] faultinject[0].error_mode.bit_width:"
                + " IntRandomBitFlip reads an unsigned 4-bit code but the scales of MxQuantization are stored as an"
                + " unsigned 8-bit code (E8M0). Set error_mode.bit_width to 8 with signed: false.");
    }

    @Test
    void rejectsAnIntegerErrorModeOnFloat32ScalesAndScalesWithoutLayerwiseAndWithoutQuantization() {
        String message = errors("faultinject:\n"
                + "  - type: weight\n    module_name: fc\n"
                + "    quantization: {method: PerChannelQuantization, bit_width: 8, layerwise: false}\n"
                + "    error_mode: {method: IntRandomBitFlip, bit_width: 8}\n"
                + "    target: scales\n"
                + "  - type: weight\n    module_name: fc\n"
                + "    error_mode: {method: SetValue, value: 1.0}\n"
                + "    target: both\n");
        assertThat(message)
                .contains("[config/InvalidValue] faultinject[0].quantization.layerwise: target: scales needs layerwise: true")
                .contains("[config/InconsistentBitWidth] faultinject[0].error_mode: IntRandomBitFlip reads a signed"
                        + " 8-bit code, but the scales of PerChannelQuantization are float32 values (32 bits).")
                .contains("[config/NoScales] faultinject[1].target: target: scales injects into the scales of a"
                        + " quantization, but the entry has no quantization.")
                .contains("3 errors");
    }
}
