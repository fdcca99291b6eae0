package dev.mrfi.core.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.core.architecture.OwnJsonFileFormat;
import dev.mrfi.core.problem.CoreErrorId;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * An append-only, crash-safe record of finished trials: one JSON line per trial, each carrying a CRC-32
 * of its content, forced to disk before the trial counts as done. The first line describes the
 * experiment, so a resumed run refuses a journal written for different settings. A line cut short by a
 * crash fails its checksum (or does not parse) and is discarded, never read as data. A damaged line with
 * intact lines after it (a disk or an editor changed it) is skipped and its number reported; the lines after
 * it still count, so only the trials it held run again.
 *
 * <p>Thread-safe.
 */
@OwnJsonFileFormat("reads and writes the JSON-lines trial journal of an experiment, its durable record, not configuration")
public final class TrialJournal implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileChannel channel;
    private final Map<String, TrialOutcome> finished;
    private final int discardedLines;
    private final List<Integer> damagedLines;

    private TrialJournal(FileChannel channel, Map<String, TrialOutcome> finished, int discardedLines,
            List<Integer> damagedLines) {
        this.channel = channel;
        this.finished = finished;
        this.discardedLines = discardedLines;
        this.damagedLines = List.copyOf(damagedLines);
    }

    /**
     * Starts a new journal, replacing any old one.
     *
     * @param file        the journal file
     * @param description what the experiment is (configuration, data, seed...); compared on resume
     * @return the journal
     * @throws IOException if the file cannot be written
     */
    public static TrialJournal create(Path file, String description) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        TrialJournal journal = new TrialJournal(channel, new HashMap<>(), 0, List.of());
        ObjectNode header = JSON.createObjectNode();
        header.put("experiment", description);
        journal.append(header);
        return journal;
    }

    /**
     * Opens an existing journal to resume: reads every intact trial line, skips damaged lines before the
     * last (they stay in the file and are reported by {@link #damagedLines()}) and drops a torn last line.
     *
     * @param file        the journal file
     * @param description the experiment's description; must equal the journal's
     * @return the journal, positioned to append
     * @throws IOException            if the file cannot be read
     * @throws ConfigurationException if the journal belongs to a different experiment or is missing
     */
    public static TrialJournal resume(Path file, String description) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.UNREADABLE_FILE, "",
                    "cannot resume: " + file + " does not exist. Run without --resume first."));
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, TrialOutcome> finished = new HashMap<>();
        int discarded = 0;
        List<Integer> damaged = new ArrayList<>();
        boolean headerSeen = false;
        long keep = 0;
        int start = 0;
        int lineNumber = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNumber++;
            if (end < 0) {
                discarded++;
                break;
            }
            Optional<JsonNode> node = verified(text.substring(start, end));
            if (node.isEmpty()) {
                if (!headerSeen || end + 1 >= text.length()) {
                    discarded++;
                    break;
                }
                damaged.add(lineNumber);
                keep = text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
                start = end + 1;
                continue;
            }
            if (!headerSeen) {
                if (!description.equals(node.get().path("experiment").asText(null))) {
                    throw new ConfigurationException(new ConfigProblem(ErrorId.INVALID_VALUE, "",
                            "cannot resume: " + file + " was written by a different experiment ("
                                    + node.get().path("experiment").asText("unknown") + "), not (" + description
                                    + "). Use another --out folder or run without --resume."));
                }
                headerSeen = true;
            } else {
                TrialOutcome outcome = TrialOutcome.fromJson(node.get());
                finished.put(outcome.key(), outcome);
            }
            keep = text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
            start = end + 1;
        }
        if (!headerSeen) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.UNREADABLE_FILE, "",
                    "cannot resume: " + file + " has no intact header line"));
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.truncate(keep);
        channel.position(keep);
        channel.force(true);
        return new TrialJournal(channel, finished, discarded, damaged);
    }

    private static Optional<JsonNode> verified(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject() || !node.has("crc")) {
                return Optional.empty();
            }
            long crc = node.get("crc").asLong();
            ((ObjectNode) node).remove("crc");
            return crc == checksum(JSON.writeValueAsString(node)) ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long checksum(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * Returns a finished trial's outcome, if the journal holds it.
     *
     * @param key the trial's key
     * @return the outcome
     */
    public synchronized Optional<TrialOutcome> find(String key) {
        return Optional.ofNullable(finished.get(key));
    }

    /**
     * Returns how many trials the journal held when it was opened or has recorded since.
     *
     * @return the count
     */
    public synchronized int size() {
        return finished.size();
    }

    /**
     * Returns how many torn or corrupt lines were dropped when the journal was resumed.
     *
     * @return 0 or 1
     */
    public int discardedLines() {
        return discardedLines;
    }

    /**
     * Returns the numbers (from 1) of the damaged lines skipped when the journal was resumed: lines that
     * failed their checksum or did not parse but have intact lines after them. They stay in the file.
     *
     * @return line numbers in increasing order; empty for a new or an undamaged journal
     */
    public List<Integer> damagedLines() {
        return damagedLines;
    }

    /**
     * Records a finished trial durably: the line is written and forced to disk before this returns.
     *
     * @param outcome the trial's outcome
     */
    public synchronized void record(TrialOutcome outcome) {
        try {
            append(outcome.toJson(JSON));
            finished.put(outcome.key(), outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a finished trial", e);
        }
    }

    private void append(ObjectNode node) throws IOException {
        String payload = JSON.writeValueAsString(node);
        node.put("crc", checksum(payload));
        ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /**
     * The outcome of one trial; serializable, so that trials run elsewhere (Spark executors) send it back.
     *
     * @param key     identifies the trial within the experiment, for example {@code ber=1.0E-5/repeat=0}
     * @param correct correct predictions; -1 when the trial failed or counted none (an observe trial)
     * @param total   examples
     * @param error   the failure message, or null
     * @param values  numbers the trial reported besides its accuracy (observer results by key), in order;
     *                empty for accuracy trials
     */
    public record TrialOutcome(String key, int correct, int total, String error, Map<String, List<Double>> values)
            implements java.io.Serializable {

        /** Copies the values, keeping their order. */
        public TrialOutcome {
            Map<String, List<Double>> copy = new LinkedHashMap<>();
            (values == null ? Map.<String, List<Double>>of() : values).forEach((k, v) -> copy.put(k, List.copyOf(v)));
            values = Collections.unmodifiableMap(copy);
        }

        /**
         * An outcome without values, as an accuracy trial has.
         *
         * @param key     identifies the trial within the experiment
         * @param correct correct predictions; -1 when the trial failed
         * @param total   examples
         * @param error   the failure message, or null
         */
        public TrialOutcome(String key, int correct, int total, String error) {
            this(key, correct, total, error, Map.of());
        }

        /**
         * Tells whether the trial failed.
         *
         * @return true for a failed trial
         */
        public boolean failed() {
            return error != null;
        }

        ObjectNode toJson(ObjectMapper json) {
            ObjectNode node = json.createObjectNode();
            node.put("trial", key);
            node.put("correct", correct);
            node.put("total", total);
            if (error != null) {
                node.put("error", error);
            }
            if (!values.isEmpty()) {
                ObjectNode numbers = node.putObject("values");
                values.forEach((k, list) -> list.forEach(numbers.putArray(k)::add));
            }
            return node;
        }

        static TrialOutcome fromJson(JsonNode node) {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            node.path("values").fields().forEachRemaining(field -> {
                List<Double> list = new ArrayList<>();
                field.getValue().forEach(number -> list.add(number.asDouble()));
                values.put(field.getKey(), list);
            });
            return new TrialOutcome(node.path("trial").asText(), node.path("correct").asInt(),
                    node.path("total").asInt(), node.hasNonNull("error") ? node.get("error").asText() : null, values);
        }
    }
}
