import javax.net.SocketFactory;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.concurrent.Executors;

/**
 * The JVM's CPU per statement round trip through the PostgreSQL driver, its socket made by the JDK (A) or by
 * rectify's BlockingSockets (B), each connection once timed as the pool's validation does (setNetworkTimeout), then
 * N executions of one statement, A and B alternated ROUNDS times; CPU of the calling thread (user + system).
 *   java -cp postgresql.jar:rectify-classes RoundTrips.java URL USER PASSWORD N ROUNDS SQL [A|B]
 * (under strace -f -c, one side only: the system calls per statement, which the load does not move)
 */
public class RoundTrips {
    public static void main(String[] a) throws Exception {
        String url = a[0], user = a[1], password = a[2], sql = a[5];
        int n = Integer.parseInt(a[3]), rounds = Integer.parseInt(a[4]);
        var threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            for (String side : a.length > 6 ? new String[] {a[6]} : new String[] {"A", "B"}) {
                Properties p = new Properties();
                p.setProperty("user", user);
                p.setProperty("password", password);
                if (side.equals("B")) {
                    p.setProperty("socketFactory", "org.rectify.platform.internal.BlockingSockets");
                }
                try (Connection c = DriverManager.getConnection(url, p)) {
                    var pool = Executors.newSingleThreadExecutor();
                    c.setNetworkTimeout(pool, 5000);
                    c.isValid(5);
                    c.setNetworkTimeout(pool, 0);
                    pool.shutdown();
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        for (int i = 0; i < n / 4; i++) { // warm
                            try (ResultSet rs = s.executeQuery()) { while (rs.next()) { rs.getString(1); } }
                        }
                        long cpu0 = threads.getCurrentThreadCpuTime(), wall0 = System.nanoTime();
                        long rows = 0;
                        for (int i = 0; i < n; i++) {
                            try (ResultSet rs = s.executeQuery()) { while (rs.next()) { rs.getString(1); rows++; } }
                        }
                        long cpu = threads.getCurrentThreadCpuTime() - cpu0, wall = System.nanoTime() - wall0;
                        System.out.printf("round %d %s: %.2f µs CPU per statement, %.2f µs wall, %d rows each%n",
                                r + 1, side, cpu / 1e3 / n, wall / 1e3 / n, rows / n);
                    }
                }
            }
        }
    }
}
