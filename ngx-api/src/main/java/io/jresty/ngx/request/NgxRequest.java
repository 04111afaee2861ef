package io.jresty.ngx.request;

import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * One HTTP request as the ngx API sees it. The server implements it over its own types;
 * nothing here names a server library. Mutable, and used only by the thread that runs the
 * request's Lua (under its worker's lock).
 */
public interface NgxRequest {
    /** nginx's "*N" connection number, for log lines. */
    long connectionId();

    // -- request line and headers ------------------------------------------------------

    String method();

    void method(String method);

    /** $uri: decoded, normalized path (changes with rewrites). */
    String uri();

    void uri(String uri);

    /** $args: the raw query string, or null when there is none. */
    String args();

    void args(String args);

    /** $request_uri: the original request target as the client sent it. */
    String requestUri();

    /** "HTTP/1.1" and so on. */
    String protocol();

    /** Request headers in arrival order, names as sent. */
    List<Map.Entry<String, String>> requestHeaders();

    /** The first request header of that name (any case), or null. */
    String requestHeader(String name);

    /** Replaces (value != null) or removes (value == null) a request header. */
    void setRequestHeader(String name, List<String> values);

    /** True once the request was redirected internally (ngx.exec, error_page, rewrite ... last). */
    boolean isInternal();

    /** Seconds since the epoch, with milliseconds, when the request started. */
    double startTime();

    // -- variables ---------------------------------------------------------------------

    /** The value of $name, or null when it is not set or unknown; `set` variables included. */
    String variable(String name);

    /** Whether $name is a variable nginx knows (built-in, prefixed like arg_, or declared with set). */
    boolean variableExists(String name);

    /** Writes $name; returns an error text in nginx's words when it cannot be changed, else null. */
    String setVariable(String name, String value);

    // -- response ----------------------------------------------------------------------

    int status();

    void status(int status);

    ResponseHeaders responseHeaders();

    boolean headersSent();

    /** Sends the headers now if not sent yet (running header_filter). */
    void sendHeaders();

    /** Writes a body chunk (running body_filter), sending headers first if needed. */
    void write(byte[] chunk);

    /**
     * Pushes what was written so far to the client; with wait, until it is written. Null, or
     * why the output failed ("nginx output filter error", "timeout").
     */
    String flush(boolean wait);

    /** Ends the response body (the last chunk with eof). */
    void eof();

    boolean eofSent();

    /** ngx.exit in header_filter: the response ends with this status and an empty body. */
    void headerFilterExit(int status);

    // -- per-request Lua state ---------------------------------------------------------

    /** ngx.ctx of this request (lazily created, fresh after an internal redirect). */
    LuaTable ctx();

    void ctx(LuaTable ctx);

    /** Per-request state of Java-side modules (the dynacode snapshot a request is pinned to). */
    Map<Object, Object> attributes();

    /** body_filter's ngx.arg table while body_filter runs, else null. */
    LuaTable filterArgs();

    /** Reads the whole request body (blocking, outside the worker lock); null when there is none. */
    byte[] readBody();

    /** The body if ngx.req.read_body() read it already, else null. */
    byte[] bodyIfRead();

    /** Remote address as text. */
    String remoteAddr();

    // -- request body beyond reading it ------------------------------------------------

    /** Whether the body was read (read_body, lua_need_request_body) or discarded. */
    boolean bodyRead();

    /** The temp file holding the body when it outgrew client_body_buffer_size, else null. */
    String bodyFile();

    /** ngx.req.discard_body: the body is read and dropped; it reads as absent afterwards. */
    void discardBody();

    /** set_body_data, finish_body: the body is now these bytes, in memory. */
    void replaceBody(byte[] data);

    /** set_body_file: the body is now that file. */
    void replaceBodyFile(String path);

    // -- location settings the API obeys ------------------------------------------------

    /** lua_transform_underscores_in_response_headers (on by default). */
    boolean transformUnderscores();

    /** The request line and header lines as the client sent them, or null when they were not kept. */
    default byte[] rawHeader() {
        return null;
    }

    /** lua_check_client_abort (off by default). */
    boolean checkClientAbort();

    /** ngx.on_abort: keeps the callback for the client's premature close; false when one was registered already. */
    boolean onAbort(io.jresty.ngx.thread.OnAbort callback);

    /** Whether error_log of the request's location lets a line of this level through. */
    default boolean logs(io.jresty.ngx.log.LogLevel level) {
        return true;
    }

    // -- subrequests -------------------------------------------------------------------

    /** ngx.is_subrequest: whether this request is a subrequest of ngx.location.capture. */
    default boolean isSubrequest() {
        return false;
    }

    /** What runs ngx.location.capture's subrequests of this request, or null where there are none. */
    default Subrequests subrequests() {
        return null;
    }
}
