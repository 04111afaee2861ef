package io.jresty.server.bench;

import io.jresty.ngx.request.NgxRequest;
import io.jresty.ngx.request.ResponseHeaders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.LuaTable;

/**
 * The least a request can be for the ngx API: a GET with a few headers and variables, whose
 * output is only counted. Lets NgxCallBench time the API layer without a server around it.
 */
final class BenchRequest implements NgxRequest {
    private final Map<String, String> variables = new HashMap<>();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private final Map<Object, Object> attributes = new HashMap<>();
    private ResponseHeaders responseHeaders = new ResponseHeaders();
    private String method = "GET";
    private String uri = "/bench";
    private String args = "token=token";
    private int status;
    private boolean headersSent;
    private boolean eof;
    private LuaTable ctx;
    long bytesWritten;

    BenchRequest() {
        headers.add(Map.entry("Host", "bench.test"));
        headers.add(Map.entry("Cookie", "superstition=token"));
        variables.put("host", "bench.test");
        variables.put("arg_token", "token");
        variables.put("cookie_superstition", "token");
        variables.put("remote_addr", "127.0.0.1");
    }

    /** Forgets the response, as a new request on the same connection would start. */
    void reset() {
        responseHeaders = new ResponseHeaders();
        status = 0;
        headersSent = false;
        eof = false;
        ctx = null;
    }

    @Override public long connectionId() { return 1; }
    @Override public String method() { return method; }
    @Override public void method(String method) { this.method = method; }
    @Override public String uri() { return uri; }
    @Override public void uri(String uri) { this.uri = uri; }
    @Override public String args() { return args; }
    @Override public void args(String args) { this.args = args; }
    @Override public String requestUri() { return "/bench?token=token"; }
    @Override public String protocol() { return "HTTP/1.1"; }
    @Override public List<Map.Entry<String, String>> requestHeaders() { return headers; }

    @Override
    public String requestHeader(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    @Override public void setRequestHeader(String name, List<String> values) {}
    @Override public boolean isInternal() { return false; }
    @Override public double startTime() { return 1290079655.123; }
    @Override public String variable(String name) { return variables.get(name); }
    @Override public boolean variableExists(String name) { return variables.containsKey(name); }

    @Override
    public String setVariable(String name, String value) {
        variables.put(name, value);
        return null;
    }

    @Override public int status() { return status == 0 ? 200 : status; }
    @Override public void status(int status) { this.status = status; }
    @Override public ResponseHeaders responseHeaders() { return responseHeaders; }
    @Override public boolean headersSent() { return headersSent; }
    @Override public void sendHeaders() { headersSent = true; }

    @Override
    public void write(byte[] chunk) {
        headersSent = true;
        bytesWritten += chunk.length;
    }

    @Override public String flush(boolean wait) { return null; }
    @Override public void eof() { eof = true; }
    @Override public boolean eofSent() { return eof; }
    @Override public void headerFilterExit(int status) { this.status = status; }

    @Override
    public LuaTable ctx() {
        if (ctx == null) {
            ctx = new LuaTable();
        }
        return ctx;
    }

    @Override public void ctx(LuaTable ctx) { this.ctx = ctx; }
    @Override public Map<Object, Object> attributes() { return attributes; }
    @Override public LuaTable filterArgs() { return null; }
    @Override public byte[] readBody() { return null; }
    @Override public byte[] bodyIfRead() { return null; }
    @Override public String remoteAddr() { return "127.0.0.1"; }
    @Override public boolean transformUnderscores() { return true; }
    @Override public boolean bodyRead() { return false; }
    @Override public String bodyFile() { return null; }
    @Override public void discardBody() { }
    @Override public void replaceBody(byte[] data) { }
    @Override public void replaceBodyFile(String path) { }
    @Override public boolean checkClientAbort() { return false; }
    @Override public boolean onAbort(io.jresty.ngx.thread.OnAbort callback) { return false; }
}
