package dev.mrfi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.core.experiment.BerPoint;
import dev.mrfi.core.experiment.Campaign;
import dev.mrfi.core.experiment.Experiments;
import dev.mrfi.core.experiment.LocalTrialRunner;
import dev.mrfi.core.experiment.TrialJournal;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on the loopback interface: a master and a worker started from the Spark JARs on
 * the test class path as child JVMs, executors in JVMs of their own launched by the worker. A LeNet campaign
 * through it gives the rows and journal of the local thread pool, also when an executor JVM is killed while
 * trials run.
 */
class StandaloneClusterIT {

    private static final double[] BERS = {1e-6, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3};
    private static final int REPEATS = 4;

    private final List<Process> started = new ArrayList<>();
    private Path sparkHome;

    @TempDir
    Path folder;

    @Test
    void clusterGivesTheLocalCsvAndJournalEvenWhenAnExecutorIsKilled() throws Exception {
        LeNetCampaign source = new LeNetCampaign("default_fi", 600, 42);
        Experiments experiments = source.open();
        List<BerPoint> local;
        try (LocalTrialRunner runner = new LocalTrialRunner(2);
             TrialJournal journal = TrialJournal.create(folder.resolve("local.jsonl"), "cluster test")) {
            local = campaign(experiments).run(runner, journal, null, Experiments.ProgressListener.NONE);
        }

        String master = startCluster();
        assertThat(executors()).as("no executor before the campaign connects").isEmpty();
        List<BerPoint> cluster;
        long killed;
        try (SparkTrialRunner runner = new SparkTrialRunner(master, source);
             TrialJournal journal = TrialJournal.create(folder.resolve("cluster.jsonl"), "cluster test")) {
            CompletableFuture<List<BerPoint>> run = CompletableFuture.supplyAsync(() ->
                    campaign(experiments).run(runner, journal, null, Experiments.ProgressListener.NONE));
            killed = killAnExecutorOnceTasksHaveFinished(runner, run);
            cluster = run.get(4, TimeUnit.MINUTES);
        }
        assertThat(killed).as("an executor JVM was killed while trials ran").isPositive();
        assertThat(csv(cluster)).isEqualTo(csv(local));
        assertThat(journalOutcomes(folder.resolve("cluster.jsonl"))).isEqualTo(journalOutcomes(folder.resolve("local.jsonl")));
    }

    private static Campaign campaign(Experiments experiments) {
        return new Campaign(experiments, BERS, REPEATS, OptionalInt.empty(), Optional.empty());
    }

    /** Waits until the cluster has finished a few trials but not all, kills one executor JVM, returns its pid. */
    private long killAnExecutorOnceTasksHaveFinished(SparkTrialRunner runner, CompletableFuture<?> run)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && !run.isDone()) {
            int completed = 0;
            for (int stage : runner.context().statusTracker().getActiveStageIds()) {
                var info = runner.context().statusTracker().getStageInfo(stage);
                completed += info == null ? 0 : info.numCompletedTasks();
            }
            List<ProcessHandle> executors = executors();
            if (completed >= 2 && !executors.isEmpty()) {
                ProcessHandle victim = executors.get(0);
                victim.destroyForcibly();
                victim.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                assertThat(run).as("the campaign was still running when the executor died").isNotDone();
                return victim.pid();
            }
            Thread.sleep(20);
        }
        return -1;
    }

    private List<ProcessHandle> executors() {
        return started.stream().flatMap(Process::descendants)
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains(
                        "org.apache.spark.executor.CoarseGrainedExecutorBackend")).orElse(false))
                .collect(Collectors.toList());
    }

    private static String csv(List<BerPoint> rows) {
        StringBuilder text = new StringBuilder();
        for (BerPoint row : rows) {
            text.append(row.ber()).append(',').append(row.rate()).append(',').append(row.accuracy().mean()).append(',')
                    .append(row.accuracy().low()).append(',').append(row.accuracy().high()).append(',')
                    .append(row.accuracy().repeats()).append(',').append(row.intervalMethod()).append(',')
                    .append(row.halfWidth()).append('\n');
        }
        return text.toString();
    }

    private static Map<String, TrialJournal.TrialOutcome> journalOutcomes(Path file) throws IOException {
        try (TrialJournal journal = TrialJournal.resume(file, "cluster test")) {
            Map<String, TrialJournal.TrialOutcome> outcomes = new java.util.TreeMap<>();
            outcomes.put("golden", journal.find("golden").orElseThrow());
            for (double ber : BERS) {
                for (int repeat = 0; repeat < REPEATS; repeat++) {
                    String key = dev.mrfi.core.experiment.TrialTask.key(ber, repeat);
                    outcomes.put(key, journal.find(key).orElseThrow());
                }
            }
            return outcomes;
        }
    }

    /** Starts a master and a worker with two one-core executors; returns the master URL. */
    private String startCluster() throws IOException, InterruptedException {
        // outside the @TempDir: JUnit warns about every symbolic link it deletes there
        sparkHome = Files.createTempDirectory(Files.createDirectories(Path.of("target", "tmp")), "spark-home")
                .toAbsolutePath();
        Path jars = Files.createDirectories(sparkHome.resolve("jars"));
        List<String> directories = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                directories.add(path.toString());
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)
                    && !Files.exists(jars.resolve(path.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(path.getFileName()), path);
            }
        }
        String opens = System.getProperty("mrfi.spark.opens", "");
        System.setProperty("spark.executor.extraClassPath", String.join(File.pathSeparator, directories));
        System.setProperty("spark.executor.extraJavaOptions", opens + " -Dlog4j2.configurationFile="
                + Path.of("src/test/resources/log4j2-test.properties").toAbsolutePath());
        System.setProperty("spark.executor.cores", "1");
        System.setProperty("spark.executor.memory", "512m");
        System.setProperty("spark.cores.max", "2");
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");

        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        start(sparkHome, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        awaitPort(port);
        start(sparkHome, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
                "--memory", "1200m", "--webui-port", String.valueOf(freePort()), "--work-dir",
                Files.createDirectories(folder.resolve("work")).toString(), master);
        return master;
    }

    private void start(Path sparkHome, String mainClass, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("mrfi.spark.opens", "").split(" ")));
        command.removeIf(String::isBlank);
        command.add("-Xmx256m");
        command.add("-Dlog4j2.configurationFile=" + Path.of("src/test/resources/log4j2-test.properties").toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(Arrays.asList(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        started.add(builder.start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the Spark master did not open port " + port);
    }

    @AfterEach
    void stopEverythingStarted() {
        for (String key : List.of("spark.executor.extraClassPath", "spark.executor.extraJavaOptions",
                "spark.executor.cores", "spark.executor.memory", "spark.cores.max", "spark.driver.host",
                "spark.driver.bindAddress")) {
            System.clearProperty(key);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            Process process = started.get(i);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        assertThat(started).allSatisfy(p -> assertThat(p.isAlive()).isFalse());
        if (sparkHome != null) {
            try (var links = Files.walk(sparkHome)) {
                for (Path path : links.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
