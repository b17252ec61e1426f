package io.collectionstrategy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The recommended collection script, rendered in one locale with placeholders filled from the facts. The collector
 * says {@code verify} first and goes on with {@code text} only once the person on the line is the debtor (or, for a
 * deceased debtor, the person handling the estate).
 *
 * @param id       the script id in the catalogue, e.g. {@code TYPE_EVASIVE}
 * @param locale   the language tag of the text, e.g. {@code zh-CN}
 * @param title    a one-line summary of the approach
 * @param verify   the right-party check, said before anything about the debt: who calls for which firm, and a question
 *                 that confirms the person; it names no amount, account, date or debt
 * @param text     what to say once the person is confirmed, with the debtor's name, amount, days overdue and due date
 *                 filled in (amounts and dates as the locale writes them), followed by the legal part when the
 *                 escalation holds a legal step
 * @param doPoints talking points to use (JSON {@code "do"})
 * @param avoid    things to avoid saying or doing (JSON {@code "avoid"})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Script(String id, String locale, String title, String verify, String text,
                     @JsonProperty("do") List<String> doPoints, List<String> avoid) {

    /** Copies the lists; a missing verify part is empty. */
    public Script {
        verify = verify == null ? "" : verify;
        doPoints = doPoints == null ? List.of() : List.copyOf(doPoints);
        avoid = avoid == null ? List.of() : List.copyOf(avoid);
    }
}
