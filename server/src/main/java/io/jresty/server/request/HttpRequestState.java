package io.jresty.server.request;

import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.ResponseHeaders;
import io.jresty.ngx.log.LogLevel;
import io.jresty.server.http.LocationBlock;
import io.jresty.server.http.RequestConf;
import io.jresty.server.http.ServerBlock;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * One request while jresty serves it: the request as rewrites left it, the response being
 * built, and the per-request Lua state. Used only by the request's own virtual thread.
 */
public final class HttpRequestState implements NgxRequest {
    private final HttpServerExchange exchange;
    /** 0 for a client's request, one more for each level of ngx.location.capture. */
    private int subrequestDepth;
    private final long connectionId;
    private final String requestUri;
    private final String protocol;
    private final double startTime;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte[] rawHeader;
    private Map<String, String> userVariables = new HashMap<>();
    private final Map<Object, Object> attributes = new HashMap<>();
    private final ResponseHeaders responseHeaders = new ResponseHeaders();
    private final ResponseOutput output = new ResponseOutput();
    private final Variables variables;
    private ResponseFilters filters;

    private ServerBlock server;
    private LocationBlock location;
    private Matcher captures;
    private String method;
    private String uri;
    private String args;
    private boolean internal;
    private int status;
    private boolean headersSent;
    private boolean sendingHeaders;
    private boolean eofSent;
    private boolean filterDone;
    private int headerFilterExit;
    private int statusOverride;
    private LuaTable ctx;
    private LuaTable filterArgs;
    private final RequestBody body = new RequestBody();
    private java.nio.file.Path bodyTemp;
    private boolean closeConnection;
    private final ClientAbort clientAbort = new ClientAbort(this);
    private long connectionRequests = 1;
    private boolean subrequest;
    /** The client's request of a subrequest (null for the client's request itself). */
    private HttpRequestState main;
    private io.jresty.ngx.request.Subrequests subrequests;

    public HttpRequestState(HttpServerExchange exchange, long connectionId, ServerBlock server, Variables variables) {
        this(exchange, connectionId, server, variables, null);
    }

    /**
     * The client's request; head is the request line and header lines as the client sent them
     * (null when not recorded): ngx.req.raw_header returns them, and the header list takes
     * their order and case rather than Undertow's.
     */
    public HttpRequestState(HttpServerExchange exchange, long connectionId, ServerBlock server, Variables variables,
            byte[] head) {
        this.exchange = exchange;
        this.rawHeader = head;
        this.connectionId = connectionId;
        this.server = server;
        this.variables = variables;
        this.method = exchange.getRequestMethod().toString();
        this.requestUri = exchange.getRequestURI() + (exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString());
        this.uri = UriPath.normalize(UriPath.decode(exchange.getRequestPath()));
        String q = exchange.getQueryString();
        this.args = q == null || q.isEmpty() ? null : q;
        this.protocol = exchange.getProtocol().toString();
        this.startTime = exchange.getRequestStartTime() > 0
                ? System.currentTimeMillis() / 1000.0 : System.currentTimeMillis() / 1000.0;
        if (!RawHeaderLines.parse(head, headers)) {
            headers.clear();
            for (HeaderValues values : exchange.getRequestHeaders()) {
                for (String v : values) {
                    headers.add(new AbstractMap.SimpleImmutableEntry<>(values.getHeaderName().toString(), v));
                }
            }
        }
    }

    /**
     * A subrequest of parent (ngx.location.capture): the same connection, server and request
     * headers, its own request line, variables and response, which stays in memory.
     */
    public HttpRequestState(HttpRequestState parent, String method, String uri, String args) {
        this.subrequestDepth = parent.subrequestDepth + 1;
        this.exchange = parent.exchange;
        this.connectionId = parent.connectionId;
        this.server = parent.server;
        this.variables = parent.variables;
        this.requestUri = parent.requestUri;
        this.protocol = parent.protocol;
        this.startTime = parent.startTime;
        this.headers.addAll(parent.headers);
        this.rawHeader = parent.rawHeader;
        this.filters = parent.filters;
        this.subrequests = parent.subrequests;
        this.bodyTemp = parent.bodyTemp;
        this.method = method;
        this.uri = uri;
        this.args = args;
        this.internal = true;
        this.subrequest = true;
        this.main = parent.main == null ? parent : parent.main;
        // never the parent's socket: the body is what capture passed, or none
        body.replace(null);
    }

    @Override
    public byte[] rawHeader() {
        return rawHeader;
    }

    /** A subrequest's `set` variables: the parent's own map (share_all_vars) or a copy. */
    public void userVariables(Map<String, String> variables) {
        this.userVariables = variables;
    }

    /** What runs this request's subrequests (the pipeline sets it). */
    public void subrequests(io.jresty.ngx.request.Subrequests subrequests) {
        this.subrequests = subrequests;
    }

    @Override
    public io.jresty.ngx.request.Subrequests subrequests() {
        return subrequests;
    }

    /** $request_method: in a subrequest, the method of the client's request, as nginx has it. */
    public String requestMethod() {
        return main == null ? method : main.method;
    }

    /** How deep in ngx.location.capture this request is (0 for a client's request). */
    public int subrequestDepth() {
        return subrequestDepth;
    }

    @Override
    public boolean isSubrequest() {
        return subrequest;
    }

    public HttpServerExchange exchange() {
        return exchange;
    }

    public void filters(ResponseFilters filters) {
        this.filters = filters;
    }

    /** How output goes out early (ngx.flush, large bodies); null keeps every response buffered. */
    public void stream(ResponseStream stream) {
        output.stream(stream);
    }

    /** True once part of the response went out: the rest must follow on the same stream. */
    public boolean streaming() {
        return output.streaming();
    }

    /** Ends a streamed response with what is still buffered. */
    public void endStream() {
        output.end(this);
    }

    public ServerBlock server() {
        return server;
    }

    public LocationBlock location() {
        return location;
    }

    public void location(LocationBlock location, Matcher captures) {
        this.location = location;
        this.captures = captures;
    }

    public Matcher captures() {
        return captures;
    }

    public void internal(boolean internal) {
        this.internal = internal;
    }

    public Map<String, String> userVariables() {
        return userVariables;
    }

    public byte[] output() {
        return output.buffered();
    }

    public long bodyBytesSent() {
        return output.bodyBytesSent();
    }

    /** error_page: the page is sent with the original status whatever its location does. */
    public void statusOverride(int status) {
        this.statusOverride = status;
    }

    public int headerFilterExitStatus() {
        return headerFilterExit;
    }

    /** Drops what the response had, for an internal redirect or an error page. */
    public void resetResponse() {
        output.reset();
        status = 0;
        headersSent = false;
        eofSent = false;
        filterDone = false;
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public void method(String method) {
        this.method = method;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public void uri(String uri) {
        this.uri = uri;
    }

    @Override
    public String args() {
        return args;
    }

    @Override
    public void args(String args) {
        this.args = args;
    }

    @Override
    public String requestUri() {
        return requestUri;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public List<Map.Entry<String, String>> requestHeaders() {
        return List.copyOf(headers);
    }

    @Override
    public String requestHeader(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    @Override
    public void setRequestHeader(String name, List<String> values) {
        // unlike ngx.header, set_header keeps underscores as they are
        String n = name;
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(n));
        for (String v : values) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(n, v));
        }
    }

    @Override
    public boolean isInternal() {
        return internal;
    }

    @Override
    public double startTime() {
        return startTime;
    }

    @Override
    public String variable(String name) {
        return variables.get(this, name);
    }

    @Override
    public boolean variableExists(String name) {
        return variables.exists(this, name);
    }

    @Override
    public String setVariable(String name, String value) {
        return variables.set(this, name, value);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public void status(int status) {
        this.status = status;
    }

    @Override
    public ResponseHeaders responseHeaders() {
        return responseHeaders;
    }

    @Override
    public boolean headersSent() {
        return headersSent;
    }

    @Override
    public void sendHeaders() {
        if (headersSent || sendingHeaders) {
            return;
        }
        sendingHeaders = true;
        if (statusOverride != 0) {
            status = statusOverride;
        } else if (status == 0) {
            status = 200;
        }
        try {
            filters.headerFilter(this);
        } finally {
            sendingHeaders = false;
            headersSent = true;
        }
    }

    @Override
    public void write(byte[] chunk) {
        sendHeaders();
        if (eofSent || headerFilterExit != 0 || filterDone) {
            return;
        }
        append(filters.bodyFilter(this, chunk, false));
    }

    private void append(byte[] filtered) {
        if (filtered != null && output.append(filtered)) {
            push(false);
        }
    }

    /** Sends what is buffered now, unless the connection is to be closed without a response. */
    private String push(boolean wait) {
        return closeConnection ? null : output.push(this, wait);
    }

    /** body_filter set ngx.arg[2] = true: later chunks are dropped. */
    public void filterDone() {
        filterDone = true;
    }

    @Override
    public String flush(boolean wait) {
        sendHeaders();
        if (headerFilterExit == 0 && !eofSent) {
            // flush(false) hands the output over and goes on; flush(true) waits until it is written
            return push(wait);
        }
        return null;
    }

    @Override
    public void eof() {
        sendHeaders();
        if (eofSent) {
            return;
        }
        eofSent = true;
        if (headerFilterExit == 0 && !filterDone) {
            append(filters.bodyFilter(this, new byte[0], true));
        }
    }

    @Override
    public boolean eofSent() {
        return eofSent;
    }

    @Override
    public void headerFilterExit(int status) {
        this.headerFilterExit = status;
        if (status > 0) {
            this.status = status;
        }
    }

    /** header_filter's ngx.exit(4xx/5xx): the error page replaces the body, past the body filters. */
    public void exitPage(byte[] page) {
        output.append(page);
    }

    @Override
    public LuaTable ctx() {
        if (ctx == null) {
            ctx = new LuaTable();
        }
        return ctx;
    }

    @Override
    public void ctx(LuaTable ctx) {
        this.ctx = ctx;
    }

    @Override
    public Map<Object, Object> attributes() {
        return attributes;
    }

    @Override
    public LuaTable filterArgs() {
        return filterArgs;
    }

    public void filterArgs(LuaTable args) {
        this.filterArgs = args;
    }

    @Override
    public byte[] readBody() {
        long headerBytes = requestUri.length() + 16;
        for (Map.Entry<String, String> h : headers) {
            headerBytes += h.getKey().length() + h.getValue().length() + 4;
        }
        long header = headerBytes;
        byte[] data = WorkerWait.call(() -> body.read(exchange, hasBody(), conf().bodyBufferSize(), header, bodyTemp,
                location == null ? 0 : location.settings().maxBodySize()));
        // the connection can be watched for the client's close from now on
        clientAbort.bodyConsumed();
        return data;
    }

    /** No body bytes are left on the socket: what comes next is the client's close or its next request. */
    boolean bodyConsumed() {
        return !hasBody() || body.consumed();
    }

    /** Where bodies larger than client_body_buffer_size go (the prefix's client_body_temp). */
    public void bodyTemp(java.nio.file.Path dir) {
        this.bodyTemp = dir;
    }

    /** Removes what the request left behind (a body temp file). */
    public void cleanup() {
        body.close();
    }

    private RequestConf conf() {
        return location == null ? server.settings().request() : location.settings().request();
    }

    private boolean hasBody() {
        return requestHeader("Content-Length") != null || requestHeader("Transfer-Encoding") != null;
    }

    @Override
    public byte[] bodyIfRead() {
        return body.data();
    }

    @Override
    public boolean bodyRead() {
        return body.read();
    }

    @Override
    public String bodyFile() {
        return body.file();
    }

    @Override
    public void discardBody() {
        WorkerWait.call(() -> {
            body.discard(exchange);
            return null;
        });
    }

    @Override
    public void replaceBody(byte[] data) {
        body.replace(data);
    }

    @Override
    public void replaceBodyFile(String path) {
        body.replaceFile(path);
    }

    @Override
    public boolean transformUnderscores() {
        return conf().transformUnderscores();
    }

    @Override
    public boolean checkClientAbort() {
        return conf().checkClientAbort();
    }

    @Override
    public boolean onAbort(io.jresty.ngx.thread.OnAbort callback) {
        return clientAbort.register(callback);
    }

    /** lua_check_client_abort's watch over this request's connection. */
    public ClientAbort clientAbort() {
        return clientAbort;
    }

    @Override
    public boolean logs(LogLevel level) {
        String word = conf().errorLogLevel();
        LogLevel threshold = word == null ? null : LogLevel.ofWord(word);
        return threshold == null || level.code() <= threshold.code();
    }

    /** ngx.exit(444), ngx.ERROR and friends: the connection closes without a response. */
    public void closeConnection() {
        closeConnection = true;
    }

    public boolean closing() {
        return closeConnection;
    }

    /** $connection_requests: this request's number on its keepalive connection. */
    public long connectionRequests() {
        return connectionRequests;
    }

    public void connectionRequests(long n) {
        this.connectionRequests = n;
    }

    @Override
    public String remoteAddr() {
        return exchange.getSourceAddress().getAddress().getHostAddress();
    }

    /** $host: the Host header without port, lower case, else the server's primary name. */
    public String host() {
        String h = requestHeader("Host");
        if (h == null || h.isEmpty()) {
            return server.primaryName();
        }
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return (close > 0 ? h.substring(0, close + 1) : h).toLowerCase(Locale.ROOT);
        }
        int colon = h.indexOf(':');
        return (colon >= 0 ? h.substring(0, colon) : h).toLowerCase(Locale.ROOT);
    }

    public void server(ServerBlock server) {
        this.server = server;
    }
}
