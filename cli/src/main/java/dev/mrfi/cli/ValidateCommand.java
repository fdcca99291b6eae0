package dev.mrfi.cli;

import dev.mrfi.core.config.EasyConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mrfi validate CONFIG}: prints {@code valid} or the numbered error report (exit 2). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate an EasyConfig or a per-module configuration tree file: prints 'valid' and exits 0, or prints every problem and exits 2.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The YAML or JSON configuration file.")
    Path config;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() {
        FileChecks.requireFile(config, "configuration file");
        EasyConfig loaded = ConfigFiles.loadWithoutModel(plugins.load().blocks(), config);
        for (String warning : loaded.warnings()) {
            System.err.println("warning: " + warning);
        }
        Warnings.injectsNothing(loaded);
        System.out.println("valid");
        return 0;
    }
}
