package io.jresty.server.proxy;

import io.jresty.server.conf.ConfDirective;
import io.jresty.server.conf.ConfException;
import io.jresty.server.http.Sizes;
import io.jresty.server.http.Template;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies the proxy_* directives of one level to what it inherited. proxy_pass is not
 * inherited by nested locations (nginx gives the content handler to one location only), and
 * proxy_set_header of a level replaces the outer list only when the level has some.
 */
public final class ProxyDirectives {
    private ProxyDirectives() {}

    public static ProxyConf apply(ProxyConf inherited, List<ConfDirective> block) throws ConfException {
        ProxyConf c = inherited == null ? ProxyConf.defaults() : inherited;
        ProxyPass pass = null;
        List<ProxyConf.SetHeader> headers = new ArrayList<>();
        boolean passHeaders = c.passRequestHeaders();
        boolean passBody = c.passRequestBody();
        String version = c.httpVersion();
        long connect = c.connectTimeout();
        long send = c.sendTimeout();
        long read = c.readTimeout();
        boolean buffering = c.buffering();
        Set<ProxyConf.NextUpstream> next = c.nextUpstream();
        int tries = c.nextUpstreamTries();
        boolean intercept = c.interceptErrors();
        ProxySsl ssl = c.ssl();
        for (ConfDirective d : block) {
            switch (d.name()) {
                case "proxy_pass" -> pass = pass(d);
                case "proxy_set_header" -> headers.add(new ProxyConf.SetHeader(d.arg(0), template(d, d.arg(1))));
                case "proxy_pass_request_headers" -> passHeaders = d.arg(0).equals("on");
                case "proxy_pass_request_body" -> passBody = d.arg(0).equals("on");
                case "proxy_http_version" -> version = version(d);
                case "proxy_connect_timeout" -> connect = time(d);
                case "proxy_send_timeout" -> send = time(d);
                case "proxy_read_timeout" -> read = time(d);
                case "proxy_buffering" -> buffering = d.arg(0).equals("on");
                case "proxy_next_upstream" -> next = nextUpstream(d);
                case "proxy_next_upstream_tries" -> tries = (int) number(d);
                case "proxy_intercept_errors" -> intercept = d.arg(0).equals("on");
                default -> ssl = ssl.with(d);
            }
        }
        if (pass != null && (pass.https() || pass.hasVariables()) && ssl.verify() && ssl.trusted() == null) {
            throw new ConfException("no proxy_ssl_trusted_certificate for proxy_ssl_verify");
        }
        return new ProxyConf(pass, headers.isEmpty() ? c.setHeaders() : List.copyOf(headers), passHeaders, passBody,
                version, connect, send, read, buffering, next, tries, intercept, ssl,
                ProxyRedirect.apply(c.redirect(), block), UpstreamHeaders.apply(c.responseHeaders(), block));
    }

    /** nginx refuses a URI part where there is no prefix to replace: regex and named locations. */
    public static void checkLocation(ProxyConf conf, ConfDirective location, boolean regexOrNamed)
            throws ConfException {
        ProxyPass pass = conf.pass();
        if (regexOrNamed && pass != null && !pass.hasVariables() && pass.uri() != null) {
            ConfDirective at = location.block().stream().filter(d -> d.name().equals("proxy_pass")).findFirst()
                    .orElse(location);
            throw new ConfException("\"proxy_pass\" cannot have URI part in location given by regular expression, "
                    + "or inside named location, or inside \"if\" statement, or inside \"limit_except\" block "
                    + at.where());
        }
    }

    private static ProxyPass pass(ConfDirective d) throws ConfException {
        template(d, d.arg(0));
        try {
            return ProxyPass.parse(d.arg(0));
        } catch (IllegalArgumentException e) {
            throw new ConfException(e.getMessage() + " " + d.where());
        }
    }

    /** A value with $variables, checked as nginx's script compiler checks variable names. */
    static Template template(ConfDirective d, String value) throws ConfException {
        io.jresty.server.conf.VariableNames.check(value, d.where());
        return Template.parse(value);
    }

    private static String version(ConfDirective d) throws ConfException {
        return switch (d.arg(0)) {
            case "1.0", "1.1" -> d.arg(0);
            default -> throw new ConfException("invalid value \"" + d.arg(0) + "\" " + d.where());
        };
    }

    private static long time(ConfDirective d) throws ConfException {
        long ms = Sizes.millis(d.arg(0));
        if (ms < 0) {
            throw new ConfException("\"" + d.name() + "\" directive invalid value " + d.where());
        }
        return ms;
    }

    private static long number(ConfDirective d) throws ConfException {
        try {
            return Long.parseLong(d.arg(0));
        } catch (NumberFormatException e) {
            throw new ConfException("\"" + d.name() + "\" directive invalid number " + d.where());
        }
    }

    private static Set<ProxyConf.NextUpstream> nextUpstream(ConfDirective d) throws ConfException {
        Set<ProxyConf.NextUpstream> set = EnumSet.noneOf(ProxyConf.NextUpstream.class);
        for (String a : d.args()) {
            if (a.equals("off")) {
                if (d.args().size() > 1) {
                    throw new ConfException("invalid value \"off\" " + d.where());
                }
                return Set.of();
            }
            try {
                set.add(ProxyConf.NextUpstream.valueOf(a.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfException("invalid value \"" + a + "\" " + d.where());
            }
        }
        return Set.copyOf(set);
    }
}
