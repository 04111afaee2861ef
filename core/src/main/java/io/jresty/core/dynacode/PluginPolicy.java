package io.jresty.core.dynacode;

/**
 * What a plugin asks of the runner beyond dynacode's fields: its time and allocation budgets and
 * what a failure does to the request.
 *
 * @param budgetMs   the plugin's budget in milliseconds, 0 for the server's default
 * @param failClosed true ("fail": "closed") ends the request with {@code failStatus} when the
 *                   plugin raises; false ("open", the default, as dynacode) logs and goes on
 * @param failStatus the status a closed failure answers with (500 unless the document says)
 * @param allocMb    the plugin's allocation limit per call in MB, 0 for the server's default
 */
public record PluginPolicy(long budgetMs, boolean failClosed, int failStatus, long allocMb) {
    public static final PluginPolicy DEFAULT = new PluginPolicy(0, false, 500, 0);

    public PluginPolicy(long budgetMs, boolean failClosed, int failStatus) {
        this(budgetMs, failClosed, failStatus, 0);
    }
}
