package io.collectionstrategy.rules;

import io.collectionstrategy.Rulebook;

/**
 * The default rulebook shipped in this jar: the seven debtor types, special situations, scripts in zh-CN and en,
 * the escalation ladder and the compliance rules. Its sources live in {@code rules/rulebook/} of the repository and
 * on the classpath under {@link Rulebook#DEFAULT_CLASSPATH_ROOT}.
 *
 * <p>Most callers never need this class: {@code CollectionStrategy.builder().defaultRulebook()} loads the same.
 */
public final class DefaultRulebook {

    private DefaultRulebook() {
    }

    /** @return the default rulebook's sources, ready to compile or to ship to other machines */
    public static Rulebook load() {
        return Rulebook.defaults();
    }
}
