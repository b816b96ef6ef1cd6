package org.rectify.platform.internal;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.DemoLogins;
import org.rectify.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate on the running server (on by default: rectify.admission.enabled): twice the cores in turns, Tomcat's workers left at 200, a
 * ledger read waits while every turn is taken and is answered when one is free, and uploads in progress, more than
 * the turns, hold none, so the ledger still answers.
 */
@IntegrationTest
class AdmissionTests {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString(("office:" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    AdmissionGate gate;
    @Autowired
    WebServerApplicationContext server;

    private final List<Socket> stalled = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService holders = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws IOException {
        for (Socket socket : stalled) {
            socket.close();
        }
        holders.shutdownNow();
        waitFor(() -> gate.inUse() == 0);
    }

    @Test
    void turned_on_the_gate_takes_turns_of_twice_the_cores_and_tomcat_keeps_its_workers_for_transfers() {
        assertThat(gate.turns()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(workers().getMaximumPoolSize()).isEqualTo(200);
    }

    @Test
    void with_every_turn_taken_a_ledger_request_waits_and_is_answered_as_soon_as_one_is_free() throws Exception {
        // reads computing in the server's own gate, each until its latch is released
        List<CountDownLatch> computing = new ArrayList<>();
        for (int i = 0; i < gate.turns(); i++) {
            CountDownLatch done = new CountDownLatch(1);
            computing.add(done);
            holders.submit(() -> {
                gate.doFilter(new MockHttpServletRequest("GET", "/api/tasks"), new MockHttpServletResponse(),
                        (req, res) -> {
                            try {
                                done.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                return null;
            });
        }
        waitFor(() -> gate.inUse() == gate.turns());
        CompletableFuture<HttpResponse<String>> ledger = http.sendAsync(ledgerRequest(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1000);
        assertThat(ledger).isNotDone();
        computing.get(0).countDown();
        HttpResponse<String> answer = ledger.get(20, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"tasks\"");
        computing.forEach(CountDownLatch::countDown);
    }

    @Test
    void uploads_in_progress_more_than_the_turns_do_not_keep_the_ledger_from_answering() throws Exception {
        int uploads = gate.turns() + 1;
        int busyBefore = workers().getActiveCount();
        for (int i = 0; i < uploads; i++) { // signed in, so each is past Security and reading its file when it stalls
            stall("POST /api/progress/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + BASIC + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n"
                    + "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"site.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff");
        }
        waitFor(() -> workers().getActiveCount() >= busyBefore + uploads); // each holds a Tomcat worker, reading
        Thread.sleep(300);
        assertThat(gate.inUse()).isZero();
        HttpResponse<String> answer = http.send(ledgerRequest(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"tasks\"");
    }

    private HttpRequest ledgerRequest() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks?size=5"))
                .header("Authorization", BASIC).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).build();
    }

    private void stall(String head) throws IOException {
        Socket socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        stalled.add(socket);
    }

    private ThreadPoolExecutor workers() {
        Connector connector = ((TomcatWebServer) server.getWebServer()).getTomcat().getConnector();
        return (ThreadPoolExecutor) connector.getProtocolHandler().getExecutor();
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
