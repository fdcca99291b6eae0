package dev.mrfi.cli;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.NameSuggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code mrfi} command. Exit codes: 0 success, 2 usage or configuration error, 1 internal error;
 * errors go to stderr, without a stack trace for user errors.
 */
@Command(name = "mrfi", mixinStandardHelpOptions = true, version = MrfiCommand.VERSION,
        description = "Fault injection and quantization emulation for neural networks.",
        subcommands = {ExperimentCommand.class, PlanCommand.class, ModulesCommand.class, PluginsCommand.class, ValidateCommand.class,
                ApplyCommand.class, HelpCommand.class})
public final class MrfiCommand implements Runnable {

    /** What {@code -V} prints, for the command and every subcommand. */
    static final String VERSION = "mrfi 0.1.0";

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
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            subcommand.getCommandSpec().version(VERSION);
        }
        commandLine.setParameterExceptionHandler(MrfiCommand::parameterError);
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

    /**
     * Reports a parameter error. An option the command does not know is reported first, with the nearest real
     * one, even when picocli found a missing required option too: the misspelt option is usually the missing one.
     */
    private static int parameterError(CommandLine.ParameterException exception, String[] args) {
        CommandLine cmd = exception.getCommandLine();
        PrintWriter err = cmd.getErr();
        Set<String> known = cmd.getCommandSpec().optionsMap().keySet();
        List<String> unknown = new ArrayList<>();
        boolean inCommand = cmd.getParent() == null;
        for (String arg : args) {
            if (!inCommand) {
                inCommand = arg.equals(cmd.getCommandName()) || cmd.getCommandSpec().aliases().length > 0
                        && List.of(cmd.getCommandSpec().aliases()).contains(arg);
                continue;
            }
            if (arg.equals("--")) {
                break;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.startsWith("--") && !known.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            err.println(exception.getMessage());
        } else {
            for (String name : unknown) {
                err.println("Unknown option: '" + name + "'." + NameSuggestions.hint(name, known));
            }
        }
        cmd.usage(err);
        return USAGE_ERROR;
    }

    /** A mistake of the user other than a configuration problem, such as a missing file. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}
