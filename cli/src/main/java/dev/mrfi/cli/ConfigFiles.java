package dev.mrfi.cli;

import dev.mrfi.api.host.ModuleDescriptor;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.ConfigTree;
import dev.mrfi.core.config.ConfigTreeLoader;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.config.PluginBlocks;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads the file given to {@code --config} (or to {@code validate}): an EasyConfig or a per-module
 * configuration tree, told apart by their shape, both validated with the same messages.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * Loads a configuration for a model.
     *
     * @param blocks  the plugins' block validator
     * @param file    the file
     * @param modules the model's modules, to bind a tree to; an EasyConfig is matched later, by the plan
     * @return the configuration the engine plans from
     */
    static EasyConfig load(PluginBlocks blocks, Path file, List<ModuleDescriptor> modules) {
        Object document = read(file);
        if (ConfigTreeLoader.isTree(document)) {
            return new ConfigTreeLoader(blocks).fromDocument(document, modules).toEasyConfig();
        }
        return new EasyConfigLoader(blocks).fromDocument(document);
    }

    /**
     * Loads a configuration without a model: a tree keeps the modules it names.
     *
     * @param blocks the plugins' block validator
     * @param file   the file
     * @return the configuration
     */
    static EasyConfig loadWithoutModel(PluginBlocks blocks, Path file) {
        Object document = read(file);
        if (ConfigTreeLoader.isTree(document)) {
            ConfigTree tree = new ConfigTreeLoader(blocks).fromDocument(document);
            return tree.toEasyConfig();
        }
        return new EasyConfigLoader(blocks).fromDocument(document);
    }

    private static Object read(Path file) {
        FileChecks.requireFile(file, "configuration file");
        return ConfigDocuments.read(file);
    }
}
