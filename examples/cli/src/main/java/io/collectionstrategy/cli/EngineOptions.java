package io.collectionstrategy.cli;

import io.collectionstrategy.CollectionStrategy;
import io.collectionstrategy.RowAssessor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --rules}, {@code --locale}, {@code --as-of}, {@code --at}, {@code --agent} and {@code --company}, shared by
 * the commands that assess.
 */
final class EngineOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "An analyst's rulebook directory (.drl files, scripts/<locale>.yaml, scenarios/*.csv) "
                    + "instead of the default rulebook; the word 'default' means the default rulebook.")
    String rules;

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "zh-CN",
            description = "Language of the scripts: zh-CN or en (default: ${DEFAULT-VALUE}).")
    String locale;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Evaluation date, ISO (e.g. 2026-11-28); default today. Rules never read the clock.")
    LocalDate asOf;

    @Option(names = "--ignore-unknown",
            description = "Ignore input fields (JSON keys, CSV columns) that are not debtor fields (docs/contract.md) "
                    + "instead of rejecting the row; use it for exports with extra columns.")
    boolean ignoreUnknown;

    @Option(names = "--at", paramLabel = "DATETIME",
            description = "Evaluation time with offset (e.g. 2026-11-28T21:30:00+08:00) instead of --as-of: contact hours "
                    + "and the day's contact caps are then checked against it.")
    OffsetDateTime at;

    @Option(names = "--allow-unsafe-rules",
            description = "Trusted rulebooks only: skip the sandbox that keeps rules to reading facts and writing "
                    + "outcomes. The bounds per debtor (rule firings, time) still apply.")
    boolean allowUnsafeRules;

    @Option(names = "--agent", paramLabel = "NAME",
            description = "The collector's name in the scripts (\"this is NAME from ...\"); default: a neutral word of "
                    + "the script catalogue, e.g. 'a customer adviser'.")
    String agent;

    @Option(names = "--company", paramLabel = "NAME",
            description = "The firm's name in the scripts; default: a neutral word of the script catalogue, e.g. "
                    + "'customer services'.")
    String company;

    Locale locale() {
        return RulebookSource.locale(locale);
    }

    LocalDate asOf() {
        if (at != null) {
            return at.toLocalDate();
        }
        return asOf != null ? asOf : LocalDate.now();
    }

    /** @return the evaluation time, or null when only a date was given */
    OffsetDateTime at() {
        return at;
    }

    CollectionStrategy strategy() {
        return RulebookSource.build(rules, locale(), allowUnsafeRules, blankToNull(agent), blankToNull(company));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** @return how rows are assessed with these options: evaluation date or time, locale, unknown fields */
    RowAssessor rows(CollectionStrategy strategy) {
        return RowAssessor.of(strategy, asOf()).at(at()).locale(locale()).ignoreUnknownFields(ignoreUnknown);
    }
}
