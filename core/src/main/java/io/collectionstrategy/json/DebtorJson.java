package io.collectionstrategy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.collectionstrategy.Debtor;
import io.collectionstrategy.InvalidDebtorException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link Debtor} from its JSON object (docs/contract.md) with Jackson's streaming API, through
 * {@link Debtor#fromFields(Map)}: the same defaults, checks and messages as the command-line tool, the Spark job and
 * the HTTP service. Numbers keep their JSON form (a decimal is read exactly, never through a {@code double}), dates
 * and times are read by the library, so no JSR-310 module is needed and a mapper's date settings do not matter.
 *
 * <p>{@code Debtor} is annotated with {@code @JsonDeserialize(using = DebtorJson.Deserializer.class)}, so
 * {@code new ObjectMapper().readValue(json, Debtor.class)} and a framework's mapper (Spring's {@code @RequestBody
 * Debtor}) both use it. A value that is not acceptable fails with a {@link JsonMappingException} whose cause is the
 * {@link InvalidDebtorException} naming the field, the value and what was expected.
 */
public final class DebtorJson {

    private DebtorJson() {
    }

    /**
     * Reads one debtor from the parser's current position (an object, or the token before it).
     *
     * @param p the parser
     * @return the debtor
     * @throws InvalidDebtorException when a field is not acceptable (missing {@code id} or {@code daysOverdue}
     *                                included)
     * @throws IOException            when the JSON cannot be read, is not an object or repeats a field
     */
    public static Debtor read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken() == null ? p.nextToken() : p.currentToken();
        if (t != JsonToken.START_OBJECT) {
            throw JsonMappingException.from(p, "expected a JSON object with the debtor's fields, was " + t);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) value(p);
        return Debtor.fromFields(fields);
    }

    /** The value at the current token as plain Java: maps, lists, text, Integer/Long/BigInteger, BigDecimal, Boolean. */
    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                    String name = p.currentName();
                    p.nextToken();
                    if (map.containsKey(name)) {
                        throw JsonMappingException.from(p, "duplicate field \"" + name + "\"");
                    }
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw JsonMappingException.from(p, "unexpected JSON token " + p.currentToken());
        }
    }

    /**
     * The Jackson deserializer of {@link Debtor}: {@link DebtorJson#read}, with an {@link InvalidDebtorException}
     * as the cause of the {@link JsonMappingException}. Registered on {@code Debtor} with {@code @JsonDeserialize};
     * nothing to configure.
     */
    public static final class Deserializer extends StdDeserializer<Debtor> {

        private static final long serialVersionUID = 1L;

        /** Jackson creates it from the annotation. */
        public Deserializer() {
            super(Debtor.class);
        }

        @Override
        public Debtor deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                return read(p);
            } catch (InvalidDebtorException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
