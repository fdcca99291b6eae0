package dev.mrfi.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.architecture.OwnJsonFileFormat;
import dev.mrfi.core.problem.CoreErrorId;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The faults of a recorded run, by site and call, to be injected again instead of drawing new ones.
 * Immutable once loaded.
 */
@OwnJsonFileFormat("reads the JSON-lines fault manifest of a recorded run, an output of the engine, not configuration")
public final class FaultReplay {

    private final Map<String, List<FaultRecord>> bySiteCall;

    private FaultReplay(Map<String, List<FaultRecord>> bySiteCall) {
        this.bySiteCall = bySiteCall;
    }

    /**
     * Reads a manifest written by {@link JsonLinesFaultManifest}.
     *
     * @param manifest the JSON-lines file
     * @return the replay
     * @throws ConfigurationException if a line is not a fault record
     */
    public static FaultReplay read(Path manifest) {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, List<FaultRecord>> records = new HashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = mapper.readTree(line);
                    int[] coordinates = new int[node.get("coordinates").size()];
                    for (int i = 0; i < coordinates.length; i++) {
                        coordinates[i] = node.get("coordinates").get(i).intValue();
                    }
                    FaultRecord record = new FaultRecord(node.get("site").asText(), node.get("call").longValue(),
                            node.get("hook").asText(), node.get("index").intValue(), coordinates,
                            Float.intBitsToFloat(node.get("before_bits").intValue()),
                            Float.intBitsToFloat(node.get("after_bits").intValue()), node.get("error_mode").asText());
                    records.computeIfAbsent(key(record.site(), record.call()), k -> new ArrayList<>()).add(record);
                } catch (IOException | RuntimeException e) {
                    throw new ConfigurationException(new ConfigProblem(CoreErrorId.SYNTAX, "",
                            "line " + number + " of fault manifest " + manifest + " is not a fault record: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.UNREADABLE_FILE, "",
                    "cannot read fault manifest " + manifest + ": " + e));
        }
        return new FaultReplay(records);
    }

    List<FaultRecord> faults(String site, long call) {
        return bySiteCall.getOrDefault(key(site, call), List.of());
    }

    private static String key(String site, long call) {
        return site + "\u0000" + call;
    }
}
