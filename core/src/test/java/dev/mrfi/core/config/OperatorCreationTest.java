package dev.mrfi.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.PluginProvider;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.api.observer.Observer;
import dev.mrfi.api.observer.ObserverProvider;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.problem.CoreErrorId;
import dev.mrfi.core.registry.DiscoveredPlugins;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A provider whose create() fails is reported under an id of its own, at the block's YAML path. */
class OperatorCreationTest {

    static final class Exploding implements ErrorModeProvider {
        @Override public String name() { return "Exploding"; }
        @Override public String description() { return "create() throws."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.empty(); }
        @Override public ErrorMode create(PluginConfig config) { throw new IllegalStateException("boom"); }
    }

    static final class NullObserver implements ObserverProvider {
        @Override public String name() { return "NullObserver"; }
        @Override public String description() { return "create() returns null."; }
        @Override public ParameterSchema parameters() { return ParameterSchema.empty(); }
        @Override public Observer create(PluginConfig config) { return null; }
    }

    private static final Mrfi MRFI = Mrfi.of(DiscoveredPlugins.of(List.<PluginProvider>of(new Exploding(),
            new NullObserver())));

    @Test
    void aCreateThatThrowsIsAPluginCreateFailureAtTheBlocksPath() {
        assertThatThrownBy(() -> MRFI.configs().parse("faultinject:\n  - {type: activation, module_name: fc,"
                + " error_mode: {method: Exploding}}\n", "test"))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.id()).isEqualTo(CoreErrorId.PLUGIN_CREATE_FAILURE);
                            assertThat(p.path()).isEqualTo("faultinject[0].error_mode");
                            assertThat(p.message()).contains("'Exploding' accepted {} but its create() threw"
                                    + " java.lang.IllegalStateException: boom");
                        }));
    }

    @Test
    void anObserverWhoseCreateReturnsNullIsReportedTheSameWay() {
        ObserveEntry entry = MRFI.configs().observer("NullObserver", false,
                new ModuleMatcher(List.of(""), List.of(), List.of()));
        assertThatThrownBy(() -> Operators.observer(entry.observer()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[plugin/CreateFailure] observe: the observer plugin 'NullObserver' accepted {}"
                        + " but its create() returned null");
    }
}
