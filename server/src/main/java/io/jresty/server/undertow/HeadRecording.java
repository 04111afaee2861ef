package io.jresty.server.undertow;

import io.jresty.ngx.log.ErrorLog;
import io.jresty.ngx.log.LogLevel;
import io.undertow.Undertow;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.OpenListener;
import java.lang.reflect.Field;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.StreamConnection;
import org.xnio.channels.AcceptingChannel;

/**
 * Puts a {@link HeadRecorder} under every connection a listener accepts, before Undertow
 * wraps the connection. Undertow has no hook between accept and its own open listener, so
 * this replaces the accept listener of each started listening channel with one that wraps
 * the connection's source conduit and hands it on.
 */
final class HeadRecording {
    private HeadRecording() {}

    /** Wraps the connections of every listener of undertow; false (logged) when Undertow's insides differ. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean install(Undertow undertow, int cap, ErrorLog log) {
        try {
            Field openField = Undertow.ListenerInfo.class.getDeclaredField("openListener");
            Field channelField = Undertow.ListenerInfo.class.getDeclaredField("channel");
            openField.setAccessible(true);
            channelField.setAccessible(true);
            for (Undertow.ListenerInfo info : undertow.getListenerInfo()) {
                OpenListener open = (OpenListener) openField.get(info);
                AcceptingChannel channel = (AcceptingChannel) channelField.get(info);
                ChannelListener<StreamConnection> recording = connection -> {
                    connection.getSourceChannel().setConduit(
                            new HeadRecorder(connection.getSourceChannel().getConduit(), cap));
                    open.handleEvent(connection);
                };
                channel.getAcceptSetter().set(ChannelListeners.openListenerAdapter(recording));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.log(LogLevel.WARN, "ngx.req.raw_header falls back to the parsed header: " + e);
            return false;
        }
    }

    /** The recorder under ex's connection, or null (a connection accepted before install). */
    static HeadRecorder of(HttpServerExchange ex) {
        if (ex.getConnection() instanceof AbstractServerConnection c
                && c.getOriginalSourceConduit() instanceof HeadRecorder recorder) {
            return recorder;
        }
        return null;
    }
}
