package io.collectionstrategy.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.collectionstrategy.InvalidDebtorException;
import io.collectionstrategy.examples.portfolio.RowReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer of the HTTP service as an RFC 9457 problem document ({@code application/problem+json}):
 * {@code type}, {@code title}, {@code status}, {@code detail}, and members of our own, such as {@code field},
 * {@code value} and {@code expected} for a debtor field that is not acceptable. The types are URNs
 * ({@code urn:collection-strategy:problem:invalid-debtor}), listed in docs/openapi.yaml.
 *
 * @param status  the HTTP status
 * @param type    the last part of the type URN, e.g. {@code invalid-debtor}
 * @param title   a short summary of the type
 * @param detail  what was wrong in this request, for people
 * @param members further members in order (values: text, numbers, booleans, lists, maps, null)
 */
record Problem(int status, String type, String title, String detail, Map<String, Object> members) {

    /** The media type of a problem document. */
    static final String MEDIA_TYPE = "application/problem+json";
    /** What every type URN starts with. */
    static final String TYPE_PREFIX = "urn:collection-strategy:problem:";

    /** Copies the members. */
    Problem {
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    static Problem of(int status, String type, String title, String detail) {
        return new Problem(status, type, title, detail, Map.of());
    }

    /**
     * A debtor field that is not acceptable: 400 with {@code field}, {@code value} and {@code expected}. The value of
     * {@code name} is never echoed (it is personal data); {@code value} is then left out.
     */
    static Problem invalidDebtor(InvalidDebtorException e) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("field", e.field());
        if (!"name".equals(e.field())) {
            members.put("value", e.value());
        }
        members.put("expected", e.expected());
        return new Problem(400, "invalid-debtor", "A debtor field is not acceptable", e.getMessage(), members);
    }

    /** A query parameter that is not acceptable: 400 with {@code field}, {@code value} and {@code expected}. */
    static Problem invalidParameter(String parameter, String value, String expected) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("field", parameter);
        members.put("value", value);
        members.put("expected", expected);
        return new Problem(400, "invalid-parameter", "A query parameter is not acceptable",
                parameter + " must be " + expected + ", was " + (value == null ? "missing" : "\"" + value + "\""),
                members);
    }

    /** @return a copy with one more member */
    Problem with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(members);
        more.put(name, value);
        return new Problem(status, type, title, detail, more);
    }

    /**
     * @param instance the request path the problem occurred on
     * @return the document, one JSON object and a newline
     */
    String json(String instance) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = RowReader.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", TYPE_PREFIX + type);
            g.writeStringField("title", title);
            g.writeNumberField("status", status);
            g.writeStringField("detail", detail);
            g.writeStringField("instance", instance);
            for (Map.Entry<String, Object> m : members.entrySet()) {
                g.writeFieldName(m.getKey());
                RowReader.JSON.writeValue(g, m.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }
}
