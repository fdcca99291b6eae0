package dev.mrfi.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.PluginKind;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ParameterSchema;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.QuantizationProvider;
import dev.mrfi.core.Mrfi;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    static final class Identity implements QuantizationProvider {
        private final String name;
        private final Set<String> aliases;

        Identity(String name, Set<String> aliases) {
            this.name = name;
            this.aliases = aliases;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<String> aliases() {
            return aliases;
        }

        @Override
        public String description() {
            return "Leaves values alone.";
        }

        @Override
        public ParameterSchema parameters() {
            return ParameterSchema.empty();
        }

        @Override
        public Quantization create(PluginConfig config) {
            return new Quantization() {
                @Override
                public IntegerCode code() {
                    return IntegerCode.signed(32);
                }

                @Override
                public dev.mrfi.api.quantization.Quantizer forTensor(float[] data, int offset, int length) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }

    @Test
    void bindsProvidersByNameAndAliasThroughGuice() {
        Identity provider = new Identity("Identity", Set.of("Same"));
        Mrfi mrfi = Mrfi.of(DiscoveredPlugins.of(List.of(provider)));
        assertThat(mrfi.registry().find(PluginKind.QUANTIZATION, "Identity")).containsSame(provider);
        assertThat(mrfi.registry().find(PluginKind.QUANTIZATION, "Same")).containsSame(provider);
        assertThat(mrfi.registry().canonicalNames(PluginKind.QUANTIZATION)).containsExactly("Identity");
        assertThat(mrfi.registry().names(PluginKind.QUANTIZATION)).containsExactly("Identity", "Same");
    }

    @Test
    void failsFastWhenTwoProvidersClaimOneNameNamingBoth() {
        assertThatThrownBy(() -> DiscoveredPlugins.of(List.of(new Identity("A", Set.of("B")), new Identity("B", Set.of()))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[plugin/DuplicateName]")
                .hasMessageContaining("two quantization plugins claim the name 'B': "
                        + Identity.class.getName() + " (from ")
                .hasMessageContaining(" and " + Identity.class.getName() + " (from ");
    }

    @Test
    void aMissingPluginIsAnUnknownMethodAndCoreNeedsNone() {
        Mrfi mrfi = Mrfi.of(DiscoveredPlugins.of(List.of()));
        assertThatThrownBy(() -> mrfi.quantization(Map.of("method", "SymmericQuantization"), "quantization"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("[config/UnknownMethod] quantization.method: unknown quantization"
                        + " 'SymmericQuantization'. Available: [].");
    }

    @Test
    void serviceLoaderDiscoveryFindsNothingOnCoresOwnClassPath() {
        assertThat(Mrfi.load().registry().providers(PluginKind.QUANTIZATION)).isEmpty();
    }
}
