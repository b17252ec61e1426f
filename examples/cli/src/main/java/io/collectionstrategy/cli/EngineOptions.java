package io.collectionstrategy.cli;

import io.collectionstrategy.CollectionStrategy;
import java.time.LocalDate;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --rules}, {@code --locale} and {@code --as-of}, shared by the commands that assess. */
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

    Locale locale() {
        return RulebookSource.locale(locale);
    }

    LocalDate asOf() {
        return asOf != null ? asOf : LocalDate.now();
    }

    CollectionStrategy strategy() {
        return RulebookSource.build(rules, locale());
    }
}
