package dev.mrfi.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginFoldersTest {

    @Test
    void parsesAPathSeparatedListIgnoringEmptyEntries() {
        String list = "/opt/a" + File.pathSeparator + File.pathSeparator + " /opt/b " + File.pathSeparator;
        assertThat(PluginFolders.parse(list).folders()).containsExactly(Path.of("/opt/a"), Path.of("/opt/b"));
        assertThat(PluginFolders.parse(null).folders()).isEmpty();
        assertThat(PluginFolders.parse("  ").folders()).isEmpty();
    }

    @Test
    void readsTheEnvironmentVariable() {
        assertThat(PluginFolders.fromEnvironment(Map.of("MRFI_PLUGIN_PATH", "/opt/plugins")).folders())
                .containsExactly(Path.of("/opt/plugins"));
        assertThat(PluginFolders.fromEnvironment(Map.of()).folders()).isEmpty();
    }

    @Test
    void appendsFoldersInOrder() {
        PluginFolders folders = PluginFolders.of(List.of(Path.of("a"))).and(PluginFolders.parse("b"));
        assertThat(folders.folders()).containsExactly(Path.of("a"), Path.of("b"));
        assertThat(folders).isEqualTo(PluginFolders.of(List.of(Path.of("a"), Path.of("b"))));
    }
}
