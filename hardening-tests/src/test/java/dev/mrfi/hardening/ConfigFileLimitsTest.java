package dev.mrfi.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ProblemId;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.problem.CoreErrorId;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile configuration files: each is one clear {@link ConfigurationException} without a path, within
 * bounded time and memory. Times and allocations are measured and printed.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConfigFileLimitsTest {

    /** More than any rejection below may allocate: a few times the largest text accepted. */
    private static final long MAX_ALLOCATED = 20L * ConfigDocuments.MAX_BYTES + (64L << 20);

    @TempDir
    Path dir;

    private static ConfigProblem rejection(Path file, ProblemId id) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = allocated(threads, thread);
        long start = System.nanoTime();
        ConfigurationException e = null;
        try {
            ConfigDocuments.read(file);
        } catch (ConfigurationException rejected) {
            e = rejected;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = allocated(threads, thread) - allocatedBefore;
        System.out.println("[limits] " + file.getFileName() + ": " + millis + " ms, " + (allocated >> 20) + " MiB allocated: "
                + (e == null ? "accepted" : e.problems().get(0)));
        assertThat(e).as("%s is rejected", file.getFileName()).isNotNull();
        ConfigOutcomes.assertWellFormed(e, null, true);
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).id()).isEqualTo(id);
        assertThat(e.problems().get(0).path()).isEmpty();
        if (allocated >= 0) {
            assertThat(allocated).as("bytes allocated reading %s", file.getFileName()).isLessThan(MAX_ALLOCATED);
        }
        return e.problems().get(0);
    }

    private static long allocated(ThreadMXBean threads, long thread) {
        return threads instanceof com.sun.management.ThreadMXBean
                ? ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(thread) : -1;
    }

    @Test
    void anEmptyFileIsAnEmptyConfiguration() throws IOException {
        Path empty = Files.write(dir.resolve("empty.yaml"), new byte[0]);
        Path comments = Files.writeString(dir.resolve("comments.yaml"), "# nothing yet\n\n   \n");
        assertThat(ConfigDocuments.read(empty)).isNull();
        assertThat(ConfigDocuments.read(comments)).isNull();
        assertThatThrownBy(() -> ConfigOutcomes.LOADER.load(empty))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    ConfigOutcomes.assertWellFormed(e, null, false);
                    assertThat(e.problems().get(0).toString()).isEqualTo("[config/MissingKey] the configuration is"
                            + " empty. Expected a mapping with 'faultinject' and/or 'observe' lists.");
                });
    }

    @Test
    void binaryGarbageIsNotUtf8OrNotYaml() throws IOException {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < 50; i++) {
            byte[] garbage = new byte[random.nextInt(1, 4096)];
            random.nextBytes(garbage);
            Path file = Files.write(dir.resolve("garbage-" + i + ".bin"), garbage);
            try {
                ConfigDocuments.read(file);
            } catch (ConfigurationException e) {
                ConfigOutcomes.assertWellFormed(e, null, true);
                assertThat(e.problems().get(0).id()).isIn(CoreErrorId.UNREADABLE_FILE, CoreErrorId.SYNTAX);
            }
        }
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0};
        assertThat(rejection(Files.write(dir.resolve("program"), elf), CoreErrorId.SYNTAX).message())
                .startsWith("cannot parse " + dir.resolve("program"));
    }

    @Test
    void textThatIsNotUtf8IsRejectedByName() throws IOException {
        byte[] latin1 = "faultinject: []\nseed: 1 # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "faultinject: []\n".getBytes(StandardCharsets.UTF_16);
        assertThat(rejection(Files.write(dir.resolve("latin1.yaml"), latin1), CoreErrorId.UNREADABLE_FILE).message())
                .isEqualTo("configuration file " + dir.resolve("latin1.yaml") + " is not UTF-8 text");
        rejection(Files.write(dir.resolve("utf16.yaml"), utf16), CoreErrorId.UNREADABLE_FILE);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        byte[] text = "\ufefffaultinject: []\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ConfigDocuments.read(Files.write(dir.resolve("bom.yaml"), text))).isNotNull();
    }

    @Test
    void aBillionLaughsAliasBombIsRejectedAtItsFirstAlias() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'z'; level++) {
            bomb.append(level).append(": &").append(level).append(" [");
            for (int k = 0; k < 9; k++) {
                bomb.append(k == 0 ? "" : ", ").append('*').append((char) (level - 1));
            }
            bomb.append("]\n");
        }
        ConfigProblem problem = rejection(Files.writeString(dir.resolve("lol.yaml"), bomb), CoreErrorId.SYNTAX);
        assertThat(problem.message()).contains("line 2, column 8").contains("the YAML alias '*a' is not supported");
    }

    @Test
    void aHundredMegabyteFileIsRejectedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(100L * 1024 * 1024);
        }
        assertThat(rejection(big, CoreErrorId.UNREADABLE_FILE).message()).isEqualTo("configuration file " + big
                + " has 104857600 bytes; the limit is " + ConfigDocuments.MAX_BYTES + " bytes");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void anEndlessDeviceIsCutOffAtTheLimit() {
        assertThat(rejection(Path.of("/dev/zero"), CoreErrorId.UNREADABLE_FILE).message())
                .isEqualTo("configuration file /dev/zero has more than " + ConfigDocuments.MAX_BYTES
                        + " bytes; the limit is " + ConfigDocuments.MAX_BYTES + " bytes");
    }

    @Test
    void filesAtTheSizeLimitParseOrFailWithinSeconds() throws IOException {
        int limit = ConfigDocuments.MAX_YAML_CHARS;
        String scalar = "a: " + "x".repeat(limit - 10) + "\n";
        StringBuilder list = new StringBuilder("faultinject:\n  - type: activation\n    module_name: fc\n"
                + "    selector:\n      method: FixPositions\n      positions: [");
        for (int i = 0; list.length() < limit - 100; i++) {
            list.append(i).append(", ");
        }
        list.append("0]\n    error_mode: {method: SetZero}\n");
        StringBuilder json = new StringBuilder("{\"observe\": [");
        while (json.length() < ConfigDocuments.MAX_BYTES - 100) {
            json.append("{\"method\": \"MinMax\", \"module_name\": \"fc\"}, ");
        }
        json.append("{\"method\": \"MinMax\", \"module_name\": \"fc\"}]}");
        for (var text : java.util.Map.of("long-scalar.yaml", scalar, "long-list.yaml", list.toString(),
                "many-entries.json", json.toString()).entrySet()) {
            Path file = Files.writeString(dir.resolve(text.getKey()), text.getValue());
            assertThat(Files.size(file)).isLessThanOrEqualTo(ConfigDocuments.MAX_BYTES);
            long start = System.nanoTime();
            Object document = ConfigDocuments.read(file);
            long parsed = (System.nanoTime() - start) / 1_000_000;
            String outcome;
            try {
                outcome = ConfigOutcomes.LOADER.fromDocument(document) == null ? "?" : "valid";
            } catch (ConfigurationException e) {
                ConfigOutcomes.assertWellFormed(e, document, false);
                outcome = e.problems().get(0).toString();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("[limits] " + text.getKey() + " (" + Files.size(file) + " bytes): parsed in " + parsed
                    + " ms, validated in " + (millis - parsed) + " ms: "
                    + outcome.substring(0, Math.min(160, outcome.length())));
            assertThat(millis).as("time to load %s", text.getKey()).isLessThan(15_000);
        }
    }

    @Test
    void yamlOverItsCharacterLimitIsRejectedBeforeParsingWithAHint() throws IOException {
        Path file = Files.writeString(dir.resolve("long.yaml"), "a: " + "x".repeat(ConfigDocuments.MAX_YAML_CHARS));
        assertThat(rejection(file, CoreErrorId.SYNTAX).message()).isEqualTo(file + " has "
                + (ConfigDocuments.MAX_YAML_CHARS + 3) + " characters; the limit is " + ConfigDocuments.MAX_YAML_CHARS
                + " for YAML (write larger configurations as JSON)");
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() {
        assertThat(rejection(dir.resolve("nope.yaml"), CoreErrorId.UNREADABLE_FILE).message())
                .isEqualTo("configuration file " + dir.resolve("nope.yaml") + " does not exist");
        assertThat(rejection(dir, CoreErrorId.UNREADABLE_FILE).message())
                .startsWith("cannot read configuration file " + dir + ": ");
    }
}
