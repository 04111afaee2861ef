package io.jresty.core.dynacode;

import java.time.Instant;

/**
 * The engine's work so far: what tests read to see that an unchanged document is neither
 * decoded nor compiled again, and what the status page shows.
 *
 * @param fetches       fetch attempts (http or file)
 * @param notModified   fetches answered 304
 * @param decodes       documents decoded (a document with a known hash is not)
 * @param compiles      plugin bodies handed to the compiler
 * @param compileReuses plugin bodies taken from the previous document's compile results
 * @param swaps         snapshots installed
 * @param failureStreak failed polls in a row right now
 * @param lastFetchAt   when the last fetch ended, or null
 * @param lastOutcome   the last fetch's event name (bg_fetch_api_success, ...), or null
 * @param lastError     the last failure's text, or null
 */
public record DynacodeCounters(long fetches, long notModified, long decodes, long compiles, long compileReuses,
        long swaps, int failureStreak, Instant lastFetchAt, String lastOutcome, String lastError) {}
