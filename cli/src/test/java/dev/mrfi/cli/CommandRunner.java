package dev.mrfi.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command in-process and captures its exit code, stdout and stderr. */
record CommandRunner(int exitCode, String out, String err) {

    /** Runs the command in an environment without {@code MRFI_PLUGIN_PATH}, so only built-in plugins count. */
    static CommandRunner run(String... args) {
        return run(Map.of(), args);
    }

    static synchronized CommandRunner run(Map<String, String> environment, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = MrfiCommand.execute(environment, args);
            return new CommandRunner(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
