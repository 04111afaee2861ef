package io.jresty.server.request;

import io.jresty.ngx.control.NgxExit;
import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.ResponseHeaders;
import io.jresty.server.http.LocationBlock;
import io.jresty.server.http.ServerBlock;
import io.undertow.server.Connectors;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.luaj.vm2.LuaTable;

/**
 * One request while jresty serves it: the request as rewrites left it, the response being
 * built, and the per-request Lua state. Used only by the request's own virtual thread.
 */
public final class HttpRequestState implements NgxRequest {
    private final HttpServerExchange exchange;
    private final long connectionId;
    private final String requestUri;
    private final String protocol;
    private final double startTime;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final Map<String, String> userVariables = new HashMap<>();
    private final Map<Object, Object> attributes = new HashMap<>();
    private final ResponseHeaders responseHeaders = new ResponseHeaders();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
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
    private byte[] body;
    private boolean bodyRead;
    private long bodyBytesSent;

    public HttpRequestState(HttpServerExchange exchange, long connectionId, ServerBlock server, Variables variables) {
        this.exchange = exchange;
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
        for (HeaderValues values : exchange.getRequestHeaders()) {
            for (String v : values) {
                headers.add(new AbstractMap.SimpleImmutableEntry<>(values.getHeaderName().toString(), v));
            }
        }
    }

    public HttpServerExchange exchange() {
        return exchange;
    }

    public void filters(ResponseFilters filters) {
        this.filters = filters;
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
        return output.toByteArray();
    }

    public long bodyBytesSent() {
        return bodyBytesSent;
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
        bodyBytesSent = 0;
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
        String n = name.replace('_', '-');
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
        if (filtered != null) {
            output.writeBytes(filtered);
            bodyBytesSent += filtered.length;
        }
    }

    /** body_filter set ngx.arg[2] = true: later chunks are dropped. */
    public void filterDone() {
        filterDone = true;
    }

    @Override
    public void flush(boolean wait) {
        sendHeaders();
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
        this.status = status;
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
        if (bodyRead) {
            return body;
        }
        bodyRead = true;
        if (!exchange.isBlocking()) {
            exchange.startBlocking();
        }
        long max = location == null ? 0 : location.settings().maxBodySize();
        // not closed on failure: closing drains the rest of the body, which a client past the
        // limit may never end; the connection closes after the answer instead
        InputStream in = exchange.getInputStream();
        try {
            byte[] all = RequestBody.read(in, max);
            in.close();
            body = all.length == 0 && !hasBody() ? null : all;
        } catch (IOException e) {
            // the rest of the body is never read: the request side ends here, so the exchange
            // completes once the answer is out and the connection closes after it
            exchange.setPersistent(false);
            Connectors.terminateRequest(exchange);
            throw NgxExit.exit(RequestBody.failureStatus(e, exchange.getConnection().isOpen()));
        }
        return body;
    }

    private boolean hasBody() {
        return requestHeader("Content-Length") != null || requestHeader("Transfer-Encoding") != null;
    }

    @Override
    public byte[] bodyIfRead() {
        return bodyRead ? body : null;
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
