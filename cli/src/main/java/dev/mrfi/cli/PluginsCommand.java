package dev.mrfi.cli;

import dev.mrfi.api.PluginKind;
import dev.mrfi.core.Mrfi;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mrfi plugins}: every plugin by kind with its aliases and parameter table, built-in ones and those of
 * plugin folders. With no folders, {@code --format markdown} prints {@code docs/plugins.md}.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every plugin by kind, with aliases and parameters (Name | Type | Description | Default).")
final class PluginsCommand implements Callable<Integer> {

    enum Format { text, markdown, json }

    enum Kind { quantization, error_mode, selector, observer }

    @Option(names = "--kind", description = "Only this kind: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() {
        Mrfi mrfi = plugins.load();
        List<PluginKind> kinds = kind == null ? List.of(PluginKind.values()) : List.of(PluginKind.valueOf(kind.name().toUpperCase()));
        switch (format) {
            case markdown:
                System.out.print(PluginCatalog.markdown(mrfi.registry(), kinds));
                break;
            case json:
                System.out.print(PluginCatalog.json(mrfi.registry(), kinds));
                break;
            default:
                System.out.print(PluginCatalog.text(mrfi.registry(), kinds));
        }
        return 0;
    }
}
