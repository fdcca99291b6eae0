package dev.mrfi.cli;

import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.api.host.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;

/** Loads a configuration file for a command. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static EasyConfig load(EasyConfigLoader loader, Path file, List<ModuleDescriptor> modules) {
        return loader.load(file);
    }
}
