package io.jresty.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jresty.server.cli.Launcher;
import io.jresty.server.conf.ConfException;
import io.jresty.server.http.HttpBlock;
import io.jresty.server.http.LocationBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy and upstream directives as the conf model reads them; errors as nginx -t words them. */
class ProxyConfTest {
    @TempDir
    Path dir;

    private HttpBlock load(String http) throws Exception {
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, "events {}\nhttp {\n" + http + "\n}\n");
        return Launcher.load(dir, conf);
    }

    private String error(String http) {
        return assertThatThrownBy(() -> load(http)).isInstanceOf(ConfException.class).actual().getMessage()
                .replace(dir.toString(), "D");
    }

    @Test
    void settingsInheritAndProxyPassStaysInItsLocation() throws Exception {
        HttpBlock http = load("""
                proxy_read_timeout 5s;
                proxy_set_header X-A a;
                server {
                    location /a { proxy_pass http://backend/x/; proxy_connect_timeout 250ms;
                        location /a/b { } }
                    location /c { proxy_set_header X-C c; proxy_next_upstream error http_503; }
                }
                upstream backend { server 127.0.0.1:81 weight=3 max_fails=2 fail_timeout=5s; server h:82 backup;
                    keepalive 8; }
                """);
        LocationBlock a = http.servers().getFirst().locations().get(0);
        ProxyConf pa = a.settings().proxy();
        assertThat(pa.pass().host()).isEqualTo("backend");
        assertThat(pa.pass().uri()).isEqualTo("/x/");
        assertThat(pa.readTimeout()).isEqualTo(5_000);
        assertThat(pa.connectTimeout()).isEqualTo(250);
        assertThat(pa.setHeaders()).extracting(ProxyConf.SetHeader::name).containsExactly("X-A");
        assertThat(a.nested().getFirst().settings().proxy().pass()).isNull();
        ProxyConf pc = http.servers().getFirst().locations().get(1).settings().proxy();
        assertThat(pc.setHeaders()).extracting(ProxyConf.SetHeader::name).containsExactly("X-C");
        assertThat(pc.nextUpstream()).containsExactlyInAnyOrder(ProxyConf.NextUpstream.ERROR,
                ProxyConf.NextUpstream.HTTP_503);
        UpstreamBlock up = http.upstreams().get("backend");
        assertThat(up.keepalive()).isEqualTo(8);
        assertThat(up.servers()).containsExactly(new UpstreamServer("127.0.0.1", 81, 3, 2, 5_000, false, false),
                new UpstreamServer("h", 82, 1, 1, 10_000, true, false));
    }

    @Test
    void errorsReadAsNginxWritesThem() {
        assertThat(error("server { location ~ ^/a {\nproxy_pass http://127.0.0.1:1/x; } }"))
                .isEqualTo("\"proxy_pass\" cannot have URI part in location given by regular expression, or inside "
                        + "named location, or inside \"if\" statement, or inside \"limit_except\" block in "
                        + "D/nginx.conf:4");
        assertThat(error("server { location @n {\nproxy_pass http://127.0.0.1:1/x; } }")).startsWith(
                "\"proxy_pass\" cannot have URI part");
        assertThat(error("server { location / {\nproxy_pass ftp://a; } }"))
                .isEqualTo("invalid URL prefix in D/nginx.conf:4");
        assertThat(error("server { location / {\nproxy_next_upstream error foo; } }"))
                .isEqualTo("invalid value \"foo\" in D/nginx.conf:4");
        assertThat(error("upstream u {\nserver 127.0.0.1 wait=1; }"))
                .isEqualTo("invalid parameter \"wait=1\" in D/nginx.conf:4");
    }

    @Test
    void proxyRedirectSslAndHeaderDirectivesAreCheckedAsNginxChecksThem() throws Exception {
        assertThat(error("server { location / {\nproxy_redirect default; proxy_pass http://127.0.0.1:1; } }"))
                .isEqualTo("\"proxy_redirect default\" should be placed after the \"proxy_pass\" directive in "
                        + "D/nginx.conf:4");
        assertThat(error("server { location / {\nproxy_pass http://$host; proxy_redirect default; } }"))
                .isEqualTo("\"proxy_redirect default\" cannot be used with \"proxy_pass\" directive with variables "
                        + "in D/nginx.conf:4");
        assertThat(error("server { location / {\nproxy_pass http://127.0.0.1:1; proxy_redirect off; "
                + "proxy_redirect default; } }"))
                .isEqualTo("\"proxy_redirect\" directive is duplicate in D/nginx.conf:4");
        assertThat(error("server { location / {\nproxy_pass http://127.0.0.1:1; proxy_redirect foo; } }"))
                .isEqualTo("invalid parameter \"foo\" in D/nginx.conf:4");
        assertThat(error("server { location / {\nproxy_ssl_verify on; proxy_pass https://127.0.0.1:1; } }"))
                .isEqualTo("no proxy_ssl_trusted_certificate for proxy_ssl_verify");
        assertThat(error("server { location / {\nproxy_ssl_protocols TLSv1.2 TLSv1.4; } }"))
                .isEqualTo("invalid value \"TLSv1.4\" in D/nginx.conf:4");
        assertThat(error("server { location / {\nproxy_ignore_headers X-Foo; } }"))
                .isEqualTo("invalid value \"X-Foo\" in D/nginx.conf:4");
        assertThat(error("server { location / {\nproxy_ssl_trusted_certificate missing.pem; } }"))
                .startsWith("SSL_CTX_load_verify_locations(\"D/missing.pem\") failed");
        HttpBlock http = load("proxy_ssl_protocols SSLv2 TLSv1.2 TLSv1.3; server { location / {\n"
                + "proxy_pass https://h:8443/x; proxy_hide_header X-A; proxy_pass_header Server; } }");
        ProxyConf p = http.servers().getFirst().locations().getFirst().settings().proxy();
        assertThat(p.pass().https()).isTrue();
        assertThat(p.pass().proxyHost()).isEqualTo("h:8443");
        assertThat(ProxyPass.parse("https://h:443/").proxyHost()).isEqualTo("h");
        assertThat(ProxyPass.parse("https://h").port()).isEqualTo(443);
        assertThat(p.ssl().protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(p.ssl().serverName()).isFalse();
        assertThat(p.ssl().verify()).isFalse();
        assertThat(p.responseHeaders().hides("x-a")).isTrue();
        assertThat(p.responseHeaders().hides("Server")).isFalse();
        assertThat(p.responseHeaders().hides("Date")).isTrue();
        assertThat(p.responseHeaders().hides("Transfer-Encoding")).isTrue();
        assertThat(p.responseHeaders().hides("Upgrade")).isFalse();
    }

    @Test
    void aRegexLocationMayProxyWithoutAUriPart() throws Exception {
        HttpBlock http = load("server { location ~ ^/a { proxy_pass http://127.0.0.1:1; } }");
        assertThat(http.servers().getFirst().locations().getFirst().settings().proxy().pass().port()).isEqualTo(1);
    }
}
