package org.rectify.platform.internal;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;

/**
 * The PostgreSQL driver's sockets ({@code socketFactory}): a socket channel's socket, which waits for the database's
 * answer in one blocking read. The JDK's own socket switches itself to non-blocking for good at its first timed
 * operation (the driver's connect timeout, the pool's network timeout around a validation), and from then on waits for
 * every answer with a read that finds nothing, a poll and a second read: 5.5 system calls per statement instead of 3.5,
 * and the poll alone 6-7 % of a ledger request thread's samples (issue 14, session 24). A channel's socket goes
 * non-blocking only for a timed operation and back to blocking after it, so timeouts hold as before. Unlike the JDK's
 * socket, a thread interrupted while it waits for the database closes the connection (the pool then replaces it).
 */
public final class BlockingSockets extends SocketFactory {

    /** The driver makes its factory by this constructor (its {@code socketFactory} property names the class). */
    public BlockingSockets() {
    }

    @Override
    public Socket createSocket() throws IOException {
        return SocketChannel.open().socket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = createSocket();
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = createSocket();
        socket.connect(address);
        return socket;
    }
}
