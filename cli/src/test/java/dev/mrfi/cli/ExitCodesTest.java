package dev.mrfi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExitCodesTest {

    @Test
    void helpAndVersionSucceed() {
        assertThat(CommandRunner.run("--help").exitCode()).isZero();
        assertThat(CommandRunner.run("apply", "--help").exitCode()).isZero();
        assertThat(CommandRunner.run("--version").out()).isEqualTo("mrfi 0.1.0\n");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithoutAStackTrace() {
        CommandRunner result = CommandRunner.run("validate", "--bogus", "config.yaml");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unknown option: '--bogus'").contains("Usage: mrfi validate")
                .doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingRequiredOptionsAndBadValuesAreUsageErrors() {
        CommandRunner missing = CommandRunner.run("apply", "--input", "x.npy");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("Missing required options: '--config=CONFIG', '--output=OUT'");
        CommandRunner badSeed = CommandRunner.run("apply", "--config", "c.yaml", "--input", "x.npy", "--output", "y.npy",
                "--seed", "seven");
        assertThat(badSeed.exitCode()).isEqualTo(2);
        assertThat(badSeed.err()).startsWith("Invalid value for option '--seed': 'seven' is not a long");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CommandRunner result = CommandRunner.run("frobnicate");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unmatched argument at index 0: 'frobnicate'");
    }
}
