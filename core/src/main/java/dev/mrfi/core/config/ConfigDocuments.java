package dev.mrfi.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON configuration text into plain JDK values ({@link Long}, {@link Double},
 * {@link String}, {@link Boolean}, {@link List}, {@link Map}, null), which the validators walk.
 * Duplicate keys and syntax errors are configuration problems, with line and column.
 */
public final class ConfigDocuments {

    /** The largest configuration file read, in bytes. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigDocuments() {
    }

    /**
     * Parses configuration text. Text whose first non-blank character is <code>{</code> is read as JSON,
     * anything else as YAML.
     *
     * @param text   the document
     * @param source a name for messages, such as a file name
     * @return the document as plain values; null for an empty document
     * @throws ConfigurationException if the text is not valid YAML or JSON
     */
    public static Object parse(String text, String source) {
        String trimmed = text.stripLeading();
        ObjectMapper mapper = trimmed.startsWith("{") ? JSON : YAML;
        try {
            JsonNode node = mapper.readTree(text);
            return node == null || node.isMissingNode() ? null : toPlain(node);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new ConfigurationException(new ConfigProblem(ErrorId.SYNTAX, "",
                    "cannot parse " + source + where + ": " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.SYNTAX, "",
                    "cannot parse " + source + ": " + e.getMessage()));
        }
    }

    /**
     * Reads and parses a configuration file.
     *
     * @param file the file
     * @return the document as plain values; null for an empty document
     * @throws ConfigurationException if the file cannot be read, is too large, is not UTF-8 or not valid
     *                                YAML or JSON
     */
    public static Object read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigurationException(new ConfigProblem(ErrorId.UNREADABLE_FILE, "",
                        "configuration file " + file + " has " + size + " bytes; the limit is " + MAX_BYTES));
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse(text, file.toString());
        } catch (CharacterCodingException e) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.UNREADABLE_FILE, "",
                    "configuration file " + file + " is not UTF-8 text"));
        } catch (IOException e) {
            throw new ConfigurationException(new ConfigProblem(ErrorId.UNREADABLE_FILE, "",
                    "cannot read configuration file " + file + ": " + e));
        }
    }

    private static Object toPlain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), toPlain(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(toPlain(item));
            }
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        return node.asText();
    }
}
