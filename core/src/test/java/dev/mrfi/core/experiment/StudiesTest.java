package dev.mrfi.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.registry.DiscoveredPlugins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study API on {@link BerSweepTest}'s identity model, whose accuracy is known exactly: the fault turns
 * one answer wrong per position the selector hits, and the {@code Sprinkle} selector hits the first
 * {@code size x density} even positions (at most one per example).
 */
class StudiesTest {

    private static final Mrfi MRFI = Mrfi.of(DiscoveredPlugins.of(List.<PluginProvider>of(new BerSweepTest.Sprinkle(),
            new BerSweepTest.FirstRatedN(), new BerSweepTest.AddThousand())));

    private static final String CONFIG = "faultinject:\n"
            + "  - {type: activation, module_name: fc, selector: {method: Sprinkle, density: 0.1},"
            + " error_mode: {method: AddThousand}}\n"
            + "  - {type: activation, module_name: fc, enabled: false, selector: {method: FirstRatedN, n: 1},"
            + " error_mode: {method: AddThousand}}\n";

    private static Studies studies(int threads) {
        EasyConfig config = new EasyConfigLoader(MRFI.blocks()).parse(CONFIG, "test");
        return new Studies(new Experiments(config, BerSweepTest.identity(), BerSweepTest.data(), 100, threads, 1L),
                MRFI.blocks());
    }

    @Test
    void aParameterSweepRunsEachValueAsATypedEditAndReportsItsAccuracy() {
        StudyResult result = studies(2).parameter("selector.density", new double[] {0, 0.1, 0.25}, 1,
                Experiments.ProgressListener.NONE, null);

        assertThat(result.variable()).isEqualTo("density");
        assertThat(result.golden().mean()).isEqualTo(1.0);
        assertThat(result.rows()).extracting(StudyRow::label).containsExactly("0", "0.1", "0.25");
        // density d of 200 values hits 200 d examples of 100
        assertThat(result.rows()).extracting(r -> r.accuracy().mean()).containsExactly(1.0, 0.8, 0.5);
    }

    @Test
    void anEntryAddressedByIndexIsTheOnlyOneSwept() {
        StudyResult result = studies(1).parameter("faultinject[1].selector.n", new double[] {0, 7}, 1,
                Experiments.ProgressListener.NONE, null);
        // entry 1 stays disabled whatever its n; entry 0 keeps density 0.1
        assertThat(result.rows()).extracting(r -> r.accuracy().mean()).containsExactly(0.8, 0.8);
        assertThat(result.variable()).isEqualTo("n");
    }

    @Test
    void everyMistakeInAParameterAddressIsReportedWithItsPathAndAHint() {
        assertThatThrownBy(() -> studies(1).parameter("selector", new double[] {1}, 1,
                Experiments.ProgressListener.NONE, null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/InvalidValue] param: 'selector' is not a parameter address. Allowed:"
                        + " faultinject[<index>].<block>.<parameter> or <block>.<parameter>");
        assertThatThrownBy(() -> studies(1).parameter("faultinject[5].selector.n", new double[] {1}, 1,
                Experiments.ProgressListener.NONE, null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the index must be in [0, 1], got 5");
        assertThatThrownBy(() -> studies(1).parameter("selector.densty", new double[] {1}, 1,
                Experiments.ProgressListener.NONE, null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/UnknownParameter] faultinject[0].selector.densty: Sprinkle has no"
                        + " parameter 'densty'. Available: [density]. Did you mean 'density'?");
        assertThatThrownBy(() -> studies(1).parameter("quantization.bit_width", new double[] {1}, 1,
                Experiments.ProgressListener.NONE, null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no enabled faultinject entry has a quantization block");
        assertThatThrownBy(() -> studies(1).parameter("selector.density", new double[] {0.1, 0.2, 0.1}, 1,
                Experiments.ProgressListener.NONE, null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/InvalidValue] values: a parameter sweep needs one or more different"
                        + " values, got [0.1, 0.2, 0.1]");
    }

    @Test
    void everyOutOfRangeValueIsReportedBeforeAnyTrialRuns() {
        assertThatThrownBy(() -> studies(1).parameter("selector.density", new double[] {0.5, 2, 3}, 1,
                Experiments.ProgressListener.NONE, null)).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).hasSize(2))
                .hasMessageContaining("faultinject[0].selector.density: must be in [0, 1], got 2");
    }

    @Test
    void aLayerStudyMatchesTheLayerSensitivityRunAndAJournalResumesIt(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("trials.jsonl");
        StudyResult first;
        try (TrialJournal journal = TrialJournal.create(file, "test")) {
            first = studies(2).layer(3, Experiments.ProgressListener.NONE, journal);
        }
        assertThat(first.rows()).extracting(StudyRow::label).containsExactly("fc");
        EasyConfig config = new EasyConfigLoader(MRFI.blocks()).parse(CONFIG, "test");
        AccuracyEstimate direct = new Experiments(config, BerSweepTest.identity(), BerSweepTest.data(), 100, 1, 1L)
                .layerSensitivity(3).get("fc");
        assertThat(first.rows().get(0).accuracy()).isEqualTo(direct);

        String journalText = Files.readString(file);
        int[] ran = new int[1];
        StudyResult resumed;
        try (TrialJournal journal = TrialJournal.resume(file, "test")) {
            resumed = studies(1).layer(3, (done, total) -> ran[0]++, journal);
        }
        assertThat(resumed).isEqualTo(first);
        assertThat(Files.readString(file)).isEqualTo(journalText);
    }

    @Test
    void theChannelStudyNamesTheModulesWhenTheOneGivenIsUnknown() {
        assertThatThrownBy(() -> studies(1).channel("fc2", 0.1, 1, Experiments.ProgressListener.NONE, null))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/NoMatchingModule] module: the model has no module 'fc2'. Available:"
                        + " [, fc]. Did you mean 'fc'?");
    }
}
