package io.jresty.server.bench;

import io.undertow.connector.ByteBufferPool;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.HttpUpgradeListener;
import io.undertow.server.SSLSessionInfo;
import io.undertow.server.ServerConnection;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.xnio.ChannelListener;
import org.xnio.Option;
import org.xnio.OptionMap;
import org.xnio.Pool;
import org.xnio.StreamConnection;
import org.xnio.XnioIoThread;
import org.xnio.XnioWorker;
import org.xnio.conduits.ConduitStreamSinkChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;
import org.xnio.conduits.StreamSinkConduit;

/**
 * A connection that never was: it only knows its two addresses, which is all the pipeline
 * asks of one ($remote_addr, $server_port, client_max_body_size). Nothing is sent through it.
 */
final class BenchConnection extends ServerConnection {
    private final InetSocketAddress local = new InetSocketAddress("127.0.0.1", 8080);
    private final InetSocketAddress peer = new InetSocketAddress("127.0.0.1", 54321);

    @Override public SocketAddress getPeerAddress() { return peer; }
    @Override public <A extends SocketAddress> A getPeerAddress(Class<A> type) { return type.isInstance(peer) ? type.cast(peer) : null; }
    @Override public SocketAddress getLocalAddress() { return local; }
    @Override public <A extends SocketAddress> A getLocalAddress(Class<A> type) { return type.isInstance(local) ? type.cast(local) : null; }
    @Override public void maxEntitySizeUpdated(HttpServerExchange exchange) {}
    @Override public OptionMap getUndertowOptions() { return OptionMap.EMPTY; }
    @Override public int getBufferSize() { return 16 * 1024; }
    @Override public boolean isOpen() { return true; }
    @Override public void close() {}
    @Override public String getTransportProtocol() { return "http/1.1"; }
    @Override public boolean isRequestTrailerFieldsSupported() { return false; }
    @Override public boolean isContinueResponseSupported() { return false; }
    @Override public boolean supportsOption(Option<?> option) { return false; }
    @Override public <T> T getOption(Option<T> option) { return null; }
    @Override public <T> T setOption(Option<T> option, T value) { return null; }
    @Override public SSLSessionInfo getSslSessionInfo() { return null; }
    @Override public void setSslSessionInfo(SSLSessionInfo info) {}
    @Override public void addCloseListener(CloseListener listener) {}
    @Override public ChannelListener.Setter<? extends ServerConnection> getCloseSetter() { return null; }

    // -- the I/O side, which a benchmark without sockets never reaches ---------------------

    @Override public Pool<ByteBuffer> getBufferPool() { throw unused(); }
    @Override public ByteBufferPool getByteBufferPool() { throw unused(); }
    @Override public XnioWorker getWorker() { throw unused(); }
    @Override public XnioIoThread getIoThread() { throw unused(); }
    @Override public HttpServerExchange sendOutOfBandResponse(HttpServerExchange exchange) { throw unused(); }
    @Override public void terminateRequestChannel(HttpServerExchange exchange) { throw unused(); }
    @Override protected StreamConnection upgradeChannel() { throw unused(); }
    @Override protected ConduitStreamSinkChannel getSinkChannel() { throw unused(); }
    @Override protected ConduitStreamSourceChannel getSourceChannel() { throw unused(); }
    @Override protected StreamSinkConduit getSinkConduit(HttpServerExchange exchange, StreamSinkConduit conduit) { throw unused(); }
    @Override protected boolean isUpgradeSupported() { return false; }
    @Override protected boolean isConnectSupported() { return false; }
    @Override protected void exchangeComplete(HttpServerExchange exchange) {}
    @Override protected void setUpgradeListener(HttpUpgradeListener listener) { throw unused(); }
    @Override protected void setConnectListener(HttpUpgradeListener listener) { throw unused(); }

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("a benchmark connection has no socket");
    }
}
