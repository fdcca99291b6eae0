package dev.mrfi.cli;

import dev.mrfi.core.Mrfi;
import dev.mrfi.core.registry.PluginFolders;
import dev.mrfi.core.registry.PluginLoadProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --plugins} option every command shares, and the plugin loading behind it: the built-in
 * plugins, then each {@code --plugins} folder, then the folders of {@code MRFI_PLUGIN_PATH}. A plugin that
 * fails to load is a warning, so the others remain usable; a configuration naming it fails with the
 * reason. Two plugins claiming one name are an error.
 */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of plugin JARs (repeatable); used with the folders listed in $"
                    + PluginFolders.ENVIRONMENT_VARIABLE + ".")
    List<Path> folders = new ArrayList<>();

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Returns every plugin folder: the {@code --plugins} folders, then those of the environment. */
    List<Path> allFolders() {
        Object root = command.root().userObject();
        Map<String, String> environment = root instanceof MrfiCommand ? ((MrfiCommand) root).environment() : System.getenv();
        return PluginFolders.of(folders).and(PluginFolders.fromEnvironment(environment)).folders();
    }

    /** Loads the plugins, printing each load problem to stderr as a warning. */
    Mrfi load() {
        Mrfi mrfi = Mrfi.loadLenient(allFolders());
        for (PluginLoadProblem problem : mrfi.loadProblems()) {
            System.err.println("warning: " + problem);
        }
        return mrfi;
    }
}
