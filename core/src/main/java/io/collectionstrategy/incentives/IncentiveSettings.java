package io.collectionstrategy.incentives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.collectionstrategy.Rulebook;
import io.collectionstrategy.RulebookProblem;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.List;

/**
 * The settings of an incentive rulebook's {@code rulebook.yaml}: the day of each settlement.
 *
 * @param interim the day of the interim settlement ({@code settlement.interim}, default {@code 09-30})
 * @param yearEnd the day of the final settlement ({@code settlement.final}, default {@code 12-31})
 */
record IncentiveSettings(MonthDay interim, MonthDay yearEnd) {

    static final String FILE = "rulebook.yaml";
    static final MonthDay DEFAULT_INTERIM = MonthDay.of(9, 30);
    static final MonthDay DEFAULT_FINAL = MonthDay.of(12, 31);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    MonthDay day(SettlementPeriod period) {
        return period == SettlementPeriod.INTERIM ? interim : yearEnd;
    }

    static IncentiveSettings read(Rulebook rulebook, List<RulebookProblem> problems) {
        String text = rulebook.files().get(FILE);
        if (text == null) {
            return new IncentiveSettings(DEFAULT_INTERIM, DEFAULT_FINAL);
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (IOException e) {
            problems.add(new RulebookProblem(FILE, 0, "not valid YAML: " + e.getMessage().split("\n")[0].trim()));
            return new IncentiveSettings(DEFAULT_INTERIM, DEFAULT_FINAL);
        }
        JsonNode settlement = root == null ? null : root.get("settlement");
        return new IncentiveSettings(day(text, settlement, "interim", DEFAULT_INTERIM, problems),
                day(text, settlement, "final", DEFAULT_FINAL, problems));
    }

    private static MonthDay day(String text, JsonNode settlement, String key, MonthDay fallback,
                                List<RulebookProblem> problems) {
        JsonNode v = settlement == null ? null : settlement.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        try {
            return MonthDay.parse("--" + v.asText().trim());
        } catch (DateTimeException e) {
            problems.add(new RulebookProblem(FILE, IncentiveTexts.lineOf(text, key), "settlement." + key
                    + " must be a day of the year as MM-DD, e.g. 09-30, was " + v));
            return fallback;
        }
    }
}
