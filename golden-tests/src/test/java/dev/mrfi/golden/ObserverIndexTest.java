package dev.mrfi.golden;

import static dev.mrfi.golden.ExperimentToolkitTest.LENET;
import static dev.mrfi.golden.ExperimentToolkitTest.MRFI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.TensorShape;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.engine.InjectionPlan;
import dev.mrfi.core.engine.Trial;
import org.junit.jupiter.api.Test;

/**
 * The observer {@code index} key: which input of a module with several inputs an observer watches. It is
 * validated, kept through the configuration tree, and on the pure-Java network (one input per module)
 * only input 0 exists.
 */
class ObserverIndexTest {

    @Test
    void invalidIndexesAreReportedTogetherWithTheirPaths() {
        assertThatThrownBy(() -> MRFI.configs().parse("""
                observe:
                  - {method: MinMax, position: pre, index: -1}
                  - {method: MinMax, position: pre, index: first}
                  - {method: MinMax, index: 1}
                """, "bad-index.yaml"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("3 errors")
                .hasMessageContaining("observe[0].index: must be a whole number >= 0 (which input of a module with"
                        + " several inputs), got -1")
                .hasMessageContaining("observe[1].index: must be a whole number >= 0")
                .hasMessageContaining("observe[2].index: must be 0 with position 'after' (a module has one output),"
                        + " got 1. Use position: pre to watch input 1");
    }

    @Test
    void theIndexSurvivesTheConfigurationTree() {
        EasyConfig config = MRFI.configs().parse("""
                observe:
                  - {method: MaxAbs, position: pre, index: 1, module_fullname: [conv2]}
                """, "index.yaml");
        assertThat(config.observe()).singleElement().satisfies(e -> assertThat(e.input()).isEqualTo(1));
        assertThat(config.describe()).contains("input=1");
        ConfigTree tree = ConfigTree.bind(config, LENET.describe());
        assertThat(tree.toYaml()).contains("index: 1");
        ConfigTree loaded = MRFI.trees().fromDocument(ConfigDocuments.parse(tree.toYaml(), "tree.yaml"),
                LENET.describe());
        assertThat(loaded.observers()).singleElement().satisfies(o -> assertThat(o.input()).isEqualTo(1));
        assertThat(loaded.toEasyConfig().observe()).singleElement().satisfies(e -> assertThat(e.input()).isEqualTo(1));
    }

    @Test
    void onTheJavaNetworkOnlyInputZeroExists() {
        EasyConfig config = MRFI.configs().parse("""
                observe:
                  - {method: MaxAbs, position: pre, index: 0, module_fullname: [conv2]}
                  - {method: MaxAbs, position: pre, index: 1, module_fullname: [conv2]}
                """, "index.yaml");
        Trial trial = InjectionPlan.build(config, LENET.describe()).newTrial(1L);
        assertThat(trial.actsOnInput("conv2", 0)).isTrue();
        assertThat(trial.actsOnInput("conv2", 1)).isTrue();
        assertThat(trial.actsOnInput("conv1", 1)).isFalse();
        LENET.forward(new float[2 * 28 * 28], TensorShape.of(2, 1, 28, 28), trial);
        assertThat(trial.observerResults()).containsOnlyKeys("conv2.pre.0");
    }
}
