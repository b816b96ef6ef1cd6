package org.rectify.platform.internal;

import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.PGStream;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's answers are waited for in one blocking read ({@link BlockingSockets}), after the pool's timed
 * validation as before it, and a network timeout still ends a statement that waits too long.
 */
@IntegrationTest
class BlockingSocketsTests {

    @Autowired
    DataSource dataSource;

    @Test
    void a_pooled_connection_waits_for_the_database_on_a_blocking_channel_after_a_timed_validation() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(2)).isTrue(); // a timed read, as the pool's validation
            Socket socket = socketOf(connection);
            assertThat(socket.getChannel()).as("a channel's socket").isNotNull();
            assertThat(socket.getChannel().isBlocking()).isTrue();
            try (Statement statement = connection.createStatement();
                 ResultSet answer = statement.executeQuery("select 40 + 2")) {
                assertThat(answer.next()).isTrue();
                assertThat(answer.getInt(1)).isEqualTo(42);
            }
            assertThat(socket.getChannel().isBlocking()).isTrue();
        }
    }

    @Test
    void a_network_timeout_still_ends_a_statement_that_waits_too_long() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection connection = dataSource.getConnection()) {
            connection.setNetworkTimeout(executor, 300);
            long started = System.nanoTime();
            assertThatThrownBy(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_sleep(5)");
                }
            }).isInstanceOf(SQLException.class);
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
        } finally {
            executor.shutdown();
        }
    }

    @Test
    void a_read_that_timed_out_leaves_the_socket_blocking_and_the_next_read_waits_for_the_answer() throws Exception {
        try (ServerSocket server = new ServerSocket(0);
             Socket socket = new BlockingSockets().createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 5_000);
            try (Socket peer = server.accept()) {
                InputStream in = socket.getInputStream();
                socket.setSoTimeout(50);
                assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
                socket.setSoTimeout(0);
                assertThat(socket.getChannel().isBlocking()).isTrue();
                Thread answer = new Thread(() -> {
                    try {
                        Thread.sleep(100);
                        peer.getOutputStream().write(7);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                answer.start();
                assertThat(in.read()).isEqualTo(7);
                answer.join();
            }
        }
    }

    /** The driver's socket under the pool's connection (the driver keeps it in its query executor's stream). */
    private static Socket socketOf(Connection pooled) throws Exception {
        BaseConnection connection = pooled.unwrap(BaseConnection.class);
        Object executor = connection.getQueryExecutor();
        for (Class<?> type = executor.getClass(); type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == PGStream.class) {
                    field.setAccessible(true);
                    return ((PGStream) field.get(executor)).getSocket();
                }
            }
        }
        throw new IllegalStateException("no PGStream in " + executor.getClass());
    }
}
