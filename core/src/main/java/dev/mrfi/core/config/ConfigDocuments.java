package dev.mrfi.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.core.problem.CoreErrorId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON configuration text into plain JDK values ({@link Long}, {@link java.math.BigInteger},
 * {@link Double}, {@link String}, {@link Boolean}, {@link List}, {@link Map} with string keys, null), which the
 * validators walk. Syntax errors, duplicate keys, YAML aliases and extra YAML documents are configuration
 * problems, with line and column. Input is bounded: at most {@link #MAX_BYTES} bytes per file,
 * {@link #MAX_CHARS} characters of JSON or {@link #MAX_YAML_CHARS} of YAML, and {@link #MAX_NESTING} levels
 * of nesting. Thread-safe.
 */
public final class ConfigDocuments {

    /** The largest configuration file read, in bytes. Checked before the file is read. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    /** The longest JSON text parsed, in characters. */
    public static final int MAX_CHARS = 4 * 1024 * 1024;

    /**
     * The longest YAML text parsed, in characters: SnakeYAML needs over a second per million characters of
     * one long scalar, so large generated configurations should be JSON.
     */
    public static final int MAX_YAML_CHARS = 1024 * 1024;

    /** The deepest nesting of mappings and lists accepted. */
    public static final int MAX_NESTING = 200;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxDocumentLength(MAX_CHARS)
            .build();

    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .streamReadConstraints(LIMITS)
                    .loaderOptions(yamlLimits())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(LIMITS)
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigDocuments() {
    }

    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_YAML_CHARS);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /**
     * Parses configuration text. Text whose first non-blank character is <code>{</code> is read as JSON,
     * anything else as YAML.
     *
     * @param text   the document
     * @param source a name for messages, such as a file name
     * @return the document as plain values; null for an empty document
     * @throws ConfigurationException if the text is not valid YAML or JSON, is too long or too deeply
     *                                nested, uses a YAML alias or holds more than one YAML document
     */
    public static Object parse(String text, String source) {
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(source, "source is null");
        boolean json = text.stripLeading().startsWith("{");
        int limit = json ? MAX_CHARS : MAX_YAML_CHARS;
        if (text.length() > limit) {
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.SYNTAX, "", source + " has " + text.length()
                    + " characters; the limit is " + limit + " for " + (json ? "JSON" : "YAML (write larger"
                    + " configurations as JSON)")));
        }
        ObjectMapper mapper = json ? JSON : YAML;
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Object document = value(parser, first, source);
            if (parser.nextToken() != null) {
                throw syntax(source, parser, "a second YAML document starts here; a configuration file holds"
                        + " exactly one (remove the '---' line and what follows, or merge the documents)");
            }
            return document;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.SYNTAX, "",
                    "cannot parse " + source + where + ": " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigurationException) {
                throw (ConfigurationException) e;
            }
            throw new ConfigurationException(new ConfigProblem(CoreErrorId.SYNTAX, "",
                    "cannot parse " + source + ": " + e.getMessage()));
        }
    }

    /**
     * Reads and parses a configuration file. A file larger than {@link #MAX_BYTES} is rejected without
     * being read; a device or pipe that delivers more is rejected after {@link #MAX_BYTES} bytes. A
     * leading UTF-8 byte order mark is skipped.
     *
     * @param file the file
     * @return the document as plain values; null for an empty document
     * @throws ConfigurationException if the file cannot be read, is too large, is not UTF-8 or not valid
     *                                YAML or JSON
     */
    public static Object read(Path file) {
        Objects.requireNonNull(file, "file is null");
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw tooLarge(file, Files.size(file) + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw unreadable("configuration file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw unreadable("configuration file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw unreadable("cannot read configuration file " + file + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(file, "more than " + MAX_BYTES + " bytes");
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable("configuration file " + file + " is not UTF-8 text");
        }
        return parse(text, file.toString());
    }

    private static ConfigurationException tooLarge(Path file, String size) {
        return unreadable("configuration file " + file + " has " + size + "; the limit is " + MAX_BYTES
                + " bytes");
    }

    private static ConfigurationException unreadable(String message) {
        return new ConfigurationException(new ConfigProblem(CoreErrorId.UNREADABLE_FILE, "", message));
    }

    private static ConfigurationException syntax(String source, JsonParser parser, String message) {
        JsonLocation location = parser.currentTokenLocation();
        return new ConfigurationException(new ConfigProblem(CoreErrorId.SYNTAX, "", "cannot parse " + source
                + " at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": " + message));
    }

    /** Reads the value that starts at the current token; nesting is bounded by {@link #MAX_NESTING}. */
    private static Object value(JsonParser parser, JsonToken token, String source) throws IOException {
        if (parser instanceof YAMLParser && ((YAMLParser) parser).isCurrentAlias()) {
            throw syntax(source, parser, "the YAML alias '*" + parser.getText() + "' is not supported; write the"
                    + " value out in full");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, value(parser, parser.nextToken(), source));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(value(parser, next, source));
                }
                return list;
            }
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return floatValue(parser, source);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_EMBEDDED_OBJECT: {
                Object embedded = parser.getEmbeddedObject();
                return embedded instanceof byte[] ? parser.getText() : String.valueOf(embedded);
            }
            default:
                throw syntax(source, parser, "unexpected " + token);
        }
    }

    /** YAML's .nan and .inf are floats; Jackson's YAML reader leaves them to the caller. */
    private static Object floatValue(JsonParser parser, String source) throws IOException {
        try {
            return parser.getDoubleValue();
        } catch (JsonProcessingException | NumberFormatException e) {
            switch (parser.getText().toLowerCase(Locale.ROOT)) {
                case ".nan":
                    return Double.NaN;
                case ".inf": case "+.inf":
                    return Double.POSITIVE_INFINITY;
                case "-.inf":
                    return Double.NEGATIVE_INFINITY;
                default:
                    throw syntax(source, parser, "malformed number '" + parser.getText() + "'");
            }
        }
    }

    /**
     * Writes plain data (maps, lists, strings, numbers, booleans) as indented JSON, for commands that
     * print machine-readable output.
     *
     * @param data the data
     * @return the JSON text, ending with a line break
     */
    public static String toJson(Object data) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(data) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not plain data: " + e.getOriginalMessage(), e);
        }
    }
}
