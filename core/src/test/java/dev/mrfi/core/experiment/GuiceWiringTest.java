package dev.mrfi.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.engine.FaultRecord;
import dev.mrfi.core.engine.FaultSink;
import dev.mrfi.core.registry.DiscoveredPlugins;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The library's object graph is Guice's: a fault sink bound by the user receives every experiment's faults. */
class GuiceWiringTest {

    private static final DiscoveredPlugins PLUGINS = DiscoveredPlugins.of(List.<PluginProvider>of(
            new BerSweepTest.Sprinkle(), new BerSweepTest.AddThousand()));

    private static final String CONFIG = "faultinject:\n  - {type: activation, module_name: fc,"
            + " selector: {method: Sprinkle}, error_mode: {method: AddThousand}}\n";

    @Test
    void aFaultSinkBoundByTheUserReceivesEveryFaultOfEveryTrial() {
        List<FaultRecord> seen = Collections.synchronizedList(new ArrayList<>());
        FaultSink recorder = seen::add;
        Mrfi mrfi = Mrfi.of(PLUGINS, binder -> binder.bind(FaultSink.class).toInstance(recorder));
        assertThat(mrfi.faultSink()).isSameAs(recorder);

        EasyConfig config = mrfi.configs().parse(CONFIG, "test");
        List<BerPoint> rows = mrfi.experiments(config, BerSweepTest.identity(), BerSweepTest.data(), 100, 2, 1L)
                .berSweep(new double[] {0.01, 0.05}, 1, Experiments.ProgressListener.NONE);

        // 4 bits per value: rates 0.04 and 0.2 of 200 values, 8 + 40 faults, each turning one answer wrong
        assertThat(seen).hasSize(48).allSatisfy(record -> assertThat(record.site()).isEqualTo("fc/activation_in#0"));
        assertThat(rows.get(2).accuracy().mean()).isEqualTo(0.60);
    }

    @Test
    void withoutAnOverrideNothingIsReportedAndTheLoadersAreShared() {
        Mrfi mrfi = Mrfi.of(PLUGINS);
        assertThat(mrfi.faultSink()).isSameAs(FaultSink.NONE);
        assertThat(mrfi.configs()).isSameAs(mrfi.configs());
        assertThat(mrfi.trees()).isSameAs(mrfi.trees());
    }
}
