package org.rectify.platform.internal;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * The response a request sees while it holds a turn: its body stays in the server's buffer (flushes, which Jackson and
 * Thymeleaf make when they finish, do nothing), and Tomcat writes it once the request has given its turn back. A reader
 * on a slow network then holds a worker, as before, but not a turn, and a page goes out in one piece, with its length.
 * A body larger than {@link #HOLD} is written as it grows, as every body was before.
 */
final class HeldResponse extends HttpServletResponseWrapper {

    /** The ledger's page of 50 tasks is some 30-60 kB as JSON; Tomcat keeps a buffer up to 128 kB across requests. */
    static final int HOLD = 64 * 1024;

    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldResponse(HttpServletResponse response) {
        super(response);
        if (!response.isCommitted() && response.getBufferSize() < HOLD) {
            response.setBufferSize(HOLD);
        }
    }

    @Override
    public void flushBuffer() {
        // held: Tomcat writes the buffer when the request is done
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new HeldStream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            Writer real = super.getWriter();
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] chars, int offset, int length) throws IOException {
                    real.write(chars, offset, length);
                }

                @Override
                public void write(String text, int offset, int length) throws IOException {
                    real.write(text, offset, length);
                }

                @Override
                public void flush() {
                    // held
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            });
        }
        return writer;
    }

    private final class HeldStream extends ServletOutputStream {

        private final ServletOutputStream real;

        HeldStream(ServletOutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) throws IOException {
            real.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            real.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // held
        }

        @Override
        public void close() throws IOException {
            real.close();
        }

        @Override
        public boolean isReady() {
            return real.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            real.setWriteListener(listener);
        }
    }
}
