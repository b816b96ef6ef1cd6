import java.io.*; import java.net.*; import java.nio.channels.*;
/** strace -f -e trace=read,poll java SocketModes.java socket|channel: 200 round trips after a timed read (s24-read). */
public class SocketModes {
  public static void main(String[] a) throws Exception {
    ServerSocket ss = new ServerSocket(0);
    new Thread(() -> { try { Socket s = ss.accept(); OutputStream o = s.getOutputStream(); InputStream i = s.getInputStream();
      for (int k = 0; k < 200; k++) { i.read(); Thread.sleep(2); o.write(7); o.flush(); } } catch (Exception e) { e.printStackTrace(); } }).start();
    Socket c = a[0].equals("channel") ? SocketChannel.open().socket() : new Socket();
    c.connect(new InetSocketAddress("127.0.0.1", ss.getLocalPort()), 10000);
    c.setSoTimeout(5000); // as Hikari's validation
    OutputStream o = c.getOutputStream(); InputStream i = c.getInputStream();
    o.write(1); o.flush(); i.read();
    c.setSoTimeout(0);
    System.err.println("MARK");
    for (int k = 1; k < 200; k++) { o.write(1); o.flush(); if (i.read() != 7) throw new Error(); }
    System.err.println("END");
    System.exit(0);
  }
}
