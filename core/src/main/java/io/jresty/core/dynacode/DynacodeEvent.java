package io.jresty.core.dynacode;

/**
 * What the engine reports, under lua-resty-dynacode's event names so a controller module's
 * {@code events.on(...)} listeners and metrics keep working. {@link #name()} is the Lua name.
 */
public sealed interface DynacodeEvent {

    /** The event's name as dynacode's {@code events} table spells it. */
    String name();

    /** The API answered 200 (or 304: the document we hold is still current). */
    record FetchSuccess() implements DynacodeEvent {
        public String name() { return "bg_fetch_api_success"; }
    }

    /** The API could not be reached or read: timeout, connection refused, unreadable file. */
    record FetchGenericError(String err) implements DynacodeEvent {
        public String name() { return "bg_fetch_api_generic_error"; }
    }

    /** The API answered something other than 200 or 304. */
    record FetchStatusCodeError(int status) implements DynacodeEvent {
        public String name() { return "bg_fetch_api_status_code_error"; }
    }

    /** A new document was received and will be decoded (dynacode: fetched, cache refreshed). */
    record CacheMiss() implements DynacodeEvent {
        public String name() { return "bg_cache_miss"; }
    }

    /** The document is the one already installed (304 or same hash): nothing decoded or compiled. */
    record CacheHit() implements DynacodeEvent {
        public String name() { return "bg_cache_hit"; }
    }

    /** One plugin of a new document compiled. */
    record CompileSuccess(PluginSpec plugin) implements DynacodeEvent {
        public String name() { return "bg_compile_success"; }
    }

    /** One plugin of a new document did not compile; it is skipped, the others apply. */
    record CompileError(PluginSpec plugin, String err) implements DynacodeEvent {
        public String name() { return "bg_compile_error"; }
    }

    /** A new snapshot was installed. */
    record UpdatedPlugins() implements DynacodeEvent {
        public String name() { return "bg_updated_plugins"; }
    }

    /** The poll ended without installing anything: fetch failure, invalid or rejected document. */
    record DidntUpdatePlugins() implements DynacodeEvent {
        public String name() { return "bg_didnt_update_plugins"; }
    }

    /** Something failed outside a plugin; section is dynacode's: validation, setup, poll, general_run. */
    record OnError(String section, String err) implements DynacodeEvent {
        public String name() { return "on_error"; }
    }
}
