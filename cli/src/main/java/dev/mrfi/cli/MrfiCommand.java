package dev.mrfi.cli;

import dev.mrfi.api.config.ConfigurationException;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mrfi} command. Exit codes: 0 success, 2 usage or configuration error, 1 internal error;
 * errors go to stderr, without a stack trace for user errors.
 */
@Command(name = "mrfi", mixinStandardHelpOptions = true, version = "mrfi 0.1.0",
        description = "Fault injection and quantization emulation for neural networks.",
        subcommands = {ExperimentCommand.class, ModulesCommand.class, PluginsCommand.class, ValidateCommand.class,
                ApplyCommand.class})
public final class MrfiCommand implements Runnable {

    /** Exit code of a usage or configuration error. */
    static final int USAGE_ERROR = 2;
    /** Exit code of an internal error. */
    static final int INTERNAL_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    private MrfiCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment is null"));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Returns the environment the command reads {@code MRFI_PLUGIN_PATH} from. */
    Map<String, String> environment() {
        return environment;
    }

    /**
     * Runs the command.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return execute(System.getenv(), args);
    }

    static int execute(Map<String, String> environment, String... args) {
        CommandLine commandLine = new CommandLine(new MrfiCommand(environment));
        // picocli answers a parameter exception (unknown option, bad value) with this code, after the usage
        commandLine.getCommandSpec().exitCodeOnInvalidInput(USAGE_ERROR);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof ConfigurationException) {
                cmd.getErr().println(exception.getMessage());
                return USAGE_ERROR;
            }
            if (exception instanceof UserError) {
                cmd.getErr().println("mrfi: " + exception.getMessage());
                return USAGE_ERROR;
            }
            cmd.getErr().println("mrfi: internal error: " + exception);
            exception.printStackTrace(cmd.getErr());
            return INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    /** A mistake of the user other than a configuration problem, such as a missing file. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}
