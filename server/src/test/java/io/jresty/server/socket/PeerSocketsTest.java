package io.jresty.server.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.jresty.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cosockets against peers nginx's test setup cannot offer in a .t block: UDP, unix
 * sockets and host names (which jresty resolves without a resolver directive).
 */
class PeerSocketsTest {
    @TempDir
    Path tmp;

    private static String run(String lua) throws Exception {
        try (TestServer server = TestServer.start(TestServer.serverConf(null, null,
                "location /t { content_by_lua_block {\n" + lua + "\n} }"))) {
            return server.get("/t").bodyText();
        }
    }

    @Test
    void udpSendsAndReceivesDatagramsAndTimesOut() throws Exception {
        try (DatagramSocket echo = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
                    echo.receive(p);
                    String reply = "echo:" + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                    byte[] out = reply.getBytes(StandardCharsets.UTF_8);
                    echo.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                } catch (Exception e) {
                    // the Lua side times out and says so
                }
            });
            assertThat(run("""
                    local udp = ngx.socket.udp()
                    ngx.say("peer: ", udp:setpeername("127.0.0.1", %d))
                    ngx.say("send: ", udp:send({ "ping", 1 }))
                    udp:settimeout(2000)
                    ngx.say("receive: ", udp:receive())
                    ngx.say("close: ", udp:close(), " ", select(2, udp:close()))
                    local quiet = ngx.socket.udp()
                    quiet:setpeername("127.0.0.1", %d)
                    quiet:send("anyone?")
                    quiet:settimeout(100)
                    ngx.say("silent: ", quiet:receive(10))
                    ngx.say("unset: ", select(2, ngx.socket.udp():send("x")))
                    """.formatted(echo.getLocalPort(), silent.getLocalPort())))
                    .isEqualTo("peer: 1\nsend: 1\nreceive: echo:ping1\nclose: 1 closed\nsilent: niltimeout\n"
                            + "unset: closed\n");
        }
    }

    @Test
    void unixSocketsConnectByPath() throws Exception {
        Path path = tmp.resolve("peer.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(path));
            Thread.ofVirtual().start(() -> {
                try (SocketChannel c = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(
                            java.nio.channels.Channels.newInputStream(c), StandardCharsets.UTF_8));
                    String line = in.readLine();
                    c.write(ByteBuffer.wrap(("got " + line + "\r\n").getBytes(StandardCharsets.UTF_8)));
                } catch (Exception e) {
                    // seen on the Lua side
                }
            });
            assertThat(run("""
                    local sock = ngx.socket.tcp()
                    ngx.say("connect: ", sock:connect("unix:%s"))
                    sock:send("hello unix\\n")
                    ngx.say(sock:receive())
                    ngx.say(select(2, sock:receive()))
                    local missing = ngx.socket.tcp()
                    ngx.say("missing: ", select(2, missing:connect("unix:%s")))
                    """.formatted(path, tmp.resolve("nothing.sock"))))
                    .isEqualTo("connect: 1\ngot hello unix\nclosed\nmissing: no such file or directory\n");
        }
    }

    @Test
    void hostNamesResolveWithoutAResolverAndUnknownOnesFail() throws Exception {
        try (TestPeer peer = TestPeer.start(s -> s.getOutputStream().write("named\n".getBytes()))) {
            assertThat(run("""
                    local sock = ngx.socket.tcp()
                    ngx.say("connect: ", sock:connect("localhost", %d))
                    ngx.say(sock:receive())
                    sock:close()
                    ngx.say(ngx.socket.tcp():connect("no-such-host.invalid", 80))
                    """.formatted(peer.port())))
                    .isEqualTo("connect: 1\nnamed\nnilno-such-host.invalid could not be resolved (3: Host not found)\n");
        }
    }

    @Test
    void aSendToAPeerThatDoesNotReadTimesOutAndClosesTheSocket() throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try (TestPeer peer = TestPeer.start(s -> done.await())) {
            try (TestServer server = TestServer.start(TestServer.serverConf(null, null, """
                    location /t { content_by_lua_block {
                        local sock = ngx.socket.tcp()
                        sock:settimeouts(1000, 200, 1000)
                        assert(sock:connect("127.0.0.1", %d))
                        ngx.say("small: ", sock:send("fits"))
                        ngx.say("huge: ", sock:send(string.rep("x", 64 * 1024 * 1024)))
                        ngx.say("after: ", select(2, sock:send("more")))
                    } }
                    """.formatted(peer.port())))) {
                assertThat(server.get("/t").bodyText()).isEqualTo("small: 4\nhuge: niltimeout\nafter: closed\n");
                assertThat(server.errorLog()).contains("lua tcp socket write timed out");
            } finally {
                done.countDown();
            }
        }
    }
}
