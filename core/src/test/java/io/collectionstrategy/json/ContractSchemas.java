package io.collectionstrategy.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data contract's JSON Schemas ({@code docs/schema}) for tests. The directory comes from the system property
 * {@code collectionstrategy.schema.dir} (set by Surefire), else from the nearest parent of the working directory
 * that has one.
 *
 * <p>{@link #strict} tightens a schema for tests: every object that lists its properties gets
 * {@code additionalProperties: false}, so a field written but not in the schema fails the test. The published
 * schemas stay open, as the compatibility promise says consumers must tolerate new fields.
 */
public final class ContractSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private ContractSchemas() {
    }

    /** @return the directory of the schemas */
    public static Path dir() {
        String property = System.getProperty("collectionstrategy.schema.dir");
        if (property != null) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/schema/assessment.schema.json"))) {
                return p.resolve("docs/schema");
            }
        }
        throw new IllegalStateException("docs/schema not found: set -Dcollectionstrategy.schema.dir");
    }

    /** @return the repository's root directory (two levels above the schemas) */
    public static Path repository() {
        return dir().getParent().getParent();
    }

    /**
     * @param file    e.g. {@code assessment.schema.json}
     * @param pointer a JSON pointer to a subschema such as {@code /$defs/errorRecord}, or {@code ""} for the root
     * @return the schema as published
     */
    public static JsonSchema open(String file, String pointer) {
        return load(file, pointer, false);
    }

    /**
     * @param file    e.g. {@code assessment.schema.json}
     * @param pointer a JSON pointer to a subschema, or {@code ""} for the root
     * @return the schema with every listed object closed to undeclared properties
     */
    public static JsonSchema strict(String file, String pointer) {
        return load(file, pointer, true);
    }

    private static JsonSchema load(String file, String pointer, boolean strict) {
        Path path = dir().resolve(file);
        JsonNode node;
        try {
            node = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (strict) {
            close(node);
        }
        JsonSchema root = FACTORY.getSchema(SchemaLocation.of(path.toUri().toString()), node, CONFIG);
        if (pointer.isEmpty()) {
            return root;
        }
        JsonNodePath at = new JsonNodePath(PathType.JSON_POINTER);
        for (String name : pointer.substring(1).split("/")) {
            at = at.append(name);
        }
        return root.getSubSchema(at);
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(ContractSchemas::close);
    }

    /**
     * @param schema   the schema
     * @param instance the document
     * @return the problems, each {@code instance-location: message}; empty when the document is valid
     */
    public static List<String> problems(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * @param schema the schema
     * @param json   the document's text
     * @return the problems; empty when the document is valid
     */
    public static List<String> problems(JsonSchema schema, String json) {
        try {
            return problems(schema, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
