package io.jresty.ngx.log;

import io.jresty.ngx.request.NgxRequest;

/** The ", client: ..., server: ..., request: ..., host: ..." tail nginx adds to a request's log lines. */
public final class RequestSuffix {
    private RequestSuffix() {}

    /** The tail, with nginx's " while logging request" in front during the log phase. */
    public static String of(io.jresty.ngx.NgxContext ctx) {
        NgxRequest r = ctx.request();
        if (r == null) {
            return null;
        }
        return ctx.phase() == io.jresty.ngx.phase.Phase.LOG ? " while logging request" + of(r) : of(r);
    }

    public static String of(NgxRequest r) {
        StringBuilder s = new StringBuilder(", client: ").append(r.remoteAddr());
        String server = r.variable("server_name");
        s.append(", server: ").append(server == null ? "" : server);
        // a subrequest logs the client's request line, then its own uri
        String method = r.isSubrequest() ? r.variable("request_method") : null;
        s.append(", request: \"").append(method == null ? r.method() : method).append(' ').append(r.requestUri())
                .append(' ').append(r.protocol()).append('"');
        if (r.isSubrequest()) {
            s.append(", subrequest: \"").append(r.uri()).append('"');
        }
        String host = r.requestHeader("Host");
        if (host != null) {
            s.append(", host: \"").append(host).append('"');
        }
        return s.toString();
    }
}
