package io.jresty.core.dynacode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * GETs the plugin document: http(s) with a timeout, extra headers and conditional requests
 * (If-None-Match / If-Modified-Since, so an unchanged document costs a 304), or a file URI.
 * Only 200 and 304 are accepted, as dynacode accepts only 200. Errors read like resty.http's
 * ("timeout", "connection refused").
 */
final class PluginFetcher {
    private final URI uri;
    private final Duration timeout;
    private final Map<String, String> headers;
    private final HttpClient client;

    PluginFetcher(URI uri, Duration timeout, Map<String, String> headers, SSLContext tls) {
        this.uri = uri;
        this.timeout = timeout;
        this.headers = headers;
        this.client = isFile() ? null : client(timeout, tls);
    }

    private static HttpClient client(Duration timeout, SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            b.sslContext(tls);
        }
        return b.build();
    }

    URI uri() {
        return uri;
    }

    private boolean isFile() {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    FetchOutcome fetch(String etag, String lastModified) throws InterruptedException {
        return isFile() ? readFile() : get(etag, lastModified);
    }

    private FetchOutcome readFile() {
        try {
            return new FetchOutcome.Fetched(Files.readAllBytes(Path.of(uri)), null, null);
        } catch (NoSuchFileException e) {
            return generic("no such file");
        } catch (IOException | RuntimeException e) {
            return generic(String.valueOf(e.getMessage()));
        }
    }

    private FetchOutcome get(String etag, String lastModified) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(request::header);
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return generic("timeout");
        } catch (ConnectException e) {
            return generic("connection refused");
        } catch (IOException | IllegalArgumentException e) {
            return generic(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        int status = response.statusCode();
        if (status == 304 && (etag != null || lastModified != null)) {
            return new FetchOutcome.NotModified();
        }
        if (status != 200) {
            return new FetchOutcome.Failed(new DynacodeEvent.FetchStatusCodeError(status),
                    "there was an error while fetching " + uri + " status code " + status);
        }
        return new FetchOutcome.Fetched(response.body(),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
    }

    private FetchOutcome generic(String err) {
        return new FetchOutcome.Failed(new DynacodeEvent.FetchGenericError(err),
                "there was an error while fetching " + uri + " err=" + err);
    }
}
