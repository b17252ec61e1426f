package io.collectionstrategy.reload;

/**
 * Told about every reload attempt of a {@link ReloadingCollectionStrategy} that found changed content: a change
 * that now serves, or a change that was rejected and why.
 *
 * <pre>{@code
 * ReloadListener listener = event -> {
 *     if (event.rejected()) {
 *         event.problems().forEach(p -> alert(p.toString()));   // "collection/rules.drl:12: ..."
 *     }
 * };
 * }</pre>
 *
 * <p>Called on the thread that attempted the reload: the watcher thread, or the caller of
 * {@link ReloadingCollectionStrategy#reloadNow()}. Keep it short; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ReloadListener {

    /**
     * One reload attempt is over.
     *
     * @param event what happened
     */
    void onReload(ReloadEvent event);

    /** @return a listener that does nothing (the log still records every reload and rejection) */
    static ReloadListener none() {
        return event -> {
        };
    }
}
