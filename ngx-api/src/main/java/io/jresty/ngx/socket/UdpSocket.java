package io.jresty.ngx.socket;

import java.net.DatagramSocket;
import org.luaj.vm2.LuaTable;

/**
 * The Lua object ngx.socket.udp() returns: a table holding a connected datagram socket,
 * its read timeout and the request that set its peer.
 */
final class UdpSocket extends LuaTable {
    DatagramSocket socket;
    Object owner;
    /** From settimeout; 0 means lua_socket_read_timeout. */
    long readTimeout;
    boolean busy;

    void closeSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
