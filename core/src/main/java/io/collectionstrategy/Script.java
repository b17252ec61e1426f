package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The recommended collection script, rendered in one locale with placeholders filled from the facts.
 *
 * @param id       the script id in the catalogue, e.g. {@code TYPE_EVASIVE}
 * @param locale   the language tag of the text, e.g. {@code zh-CN}
 * @param title    a one-line summary of the approach
 * @param text     what to say, with the debtor's name, amount, currency, days overdue and due date filled in
 * @param doPoints talking points to use (JSON {@code "do"})
 * @param avoid    things to avoid saying or doing (JSON {@code "avoid"})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Script(String id, String locale, String title, String text,
                     @JsonProperty("do") List<String> doPoints, List<String> avoid) {

    /** Copies the lists. */
    public Script {
        doPoints = doPoints == null ? List.of() : List.copyOf(doPoints);
        avoid = avoid == null ? List.of() : List.copyOf(avoid);
    }
}
