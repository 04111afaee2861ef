package io.jresty.server.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real upstream for the proxy tests: a raw HTTP/1.1 server on a loopback port whose
 * behaviour the test sets (healthy, slow, failing with a status, cutting a response in the
 * middle), counting the connections and requests it sees. Keeps connections alive unless the
 * request says close. Speaks TLS when started with an SSLContext, and then records the SNI name
 * and protocol of each connection.
 */
final class FakeUpstream implements AutoCloseable {
    /** What the upstream does with a request. */
    enum Mode { HEALTHY, SLOW, STATUS_500, CUT_MIDWAY, NOT_READING, IN_TWO_PARTS }

    private final String name;
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    /** Per TLS connection: "sni=<name or none> <protocol>". */
    private final List<String> handshakes = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile Mode mode;
    private volatile int healthStatus = 200;
    /** Header lines (each ending in CRLF) IN_TWO_PARTS adds to its response head. */
    volatile String extraHeaders = "";
    /** IN_TWO_PARTS sends its second part once this is counted down. */
    final java.util.concurrent.CountDownLatch secondPart = new java.util.concurrent.CountDownLatch(1);

    private FakeUpstream(String name, Mode mode, ServerSocket socket) {
        this.name = name;
        this.mode = mode;
        this.socket = socket;
        Thread.ofVirtual().start(this::accept);
    }

    static FakeUpstream start(String name, Mode mode) throws IOException {
        return new FakeUpstream(name, mode, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** An https upstream with the context's certificate. */
    static FakeUpstream startTls(String name, Mode mode, javax.net.ssl.SSLContext tls) throws IOException {
        return new FakeUpstream(name, mode, tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress()));
    }

    /** The distinct TLS session ids seen (a resumed session shows its first id again). */
    java.util.Set<String> sessions() {
        return sessions;
    }

    /** What each TLS connection's handshake carried, in order. */
    List<String> handshakes() {
        return handshakes;
    }

    /** A loopback port nothing listens on. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** The status /health answers (the active health check's probe). */
    void healthStatus(int status) {
        this.healthStatus = status;
    }

    int connections() {
        return connections.get();
    }

    /** Request heads seen, excluding health probes. */
    List<String> requests() {
        return requests;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            if (s instanceof javax.net.ssl.SSLSocket tls) {
                tls.startHandshake();
                var session = (javax.net.ssl.ExtendedSSLSession) tls.getSession();
                String sni = session.getRequestedServerNames().stream()
                        .map(n -> ((javax.net.ssl.SNIHostName) n).getAsciiName()).findFirst().orElse("none");
                handshakes.add("sni=" + sni + " " + session.getProtocol());
                sessions.add(java.util.HexFormat.of().formatHex(session.getId()));
            }
            if (mode == Mode.NOT_READING) {
                Thread.sleep(5_000);
                return;
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) {
                    return;
                }
                long length = contentLength(head);
                byte[] body = in.readNBytes((int) length);
                boolean close = head.toLowerCase(Locale.ROOT).contains("\nconnection: close")
                        || head.startsWith("GET") && head.contains(" HTTP/1.0");
                if (head.startsWith("GET /health ")) {
                    write(out, healthStatus, "health of " + name, true);
                    return;
                }
                requests.add(head + new String(body, StandardCharsets.UTF_8));
                switch (mode) {
                    case HEALTHY -> write(out, 200, "from " + name, close);
                    case STATUS_500 -> write(out, 500, "error from " + name, close);
                    case SLOW -> {
                        Thread.sleep(2_000);
                        write(out, 200, "late from " + name, true);
                        return;
                    }
                    case IN_TWO_PARTS -> {
                        out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n" + extraHeaders
                                + "\r\n6\r\nfirst \r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        secondPart.await();
                        out.write("6\r\nsecond\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    }
                    case CUT_MIDWAY -> {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly part of it")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        return;
                    }
                }
                if (close) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the proxy hung up: nothing to answer
        }
    }

    private static void write(OutputStream out, int status, String body, boolean close) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: " + b.length + "\r\nX-Upstream: yes\r\n"
                + (close ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            state = (c == '\n') ? (state == 1 ? 2 : 1) : (c == '\r' ? state : 0);
            if (state == 2) {
                return b.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static long contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Long.parseLong(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
