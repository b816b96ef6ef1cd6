package org.rectify.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate on its own, with requests that block inside the chain until released: at most its turns compute, the
 * others wait in arrival order, writes and transfers never wait, and a request with no turn in time gets a 503 it can
 * read.
 */
class AdmissionGateTests {

    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> entered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        release.countDown();
        clients.shutdownNow();
    }

    @Test
    void two_turns_let_two_requests_compute_and_the_third_waits_until_one_is_done() throws Exception {
        AdmissionGate gate = gate(2, Duration.ofSeconds(30), 100);
        CompletableFuture<MockHttpServletResponse> first = send(gate, get("/api/tasks"), "first");
        CompletableFuture<MockHttpServletResponse> second = send(gate, get("/tasks"), "second");
        awaitEntered(2);
        CompletableFuture<MockHttpServletResponse> third = send(gate, get("/api/insight"), "third");
        Thread.sleep(300);
        assertThat(entered).containsExactlyInAnyOrder("first", "second");
        assertThat(gate.inUse()).isEqualTo(2);
        release.countDown();
        assertThat(third.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(entered).containsExactlyInAnyOrder("first", "second", "third");
        assertThat(gate.inUse()).isZero();
    }

    @Test
    void waiting_requests_get_their_turn_in_the_order_they_came() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofSeconds(30), 100);
        CompletableFuture<MockHttpServletResponse> holder = send(gate, get("/api/tasks"), "holder");
        awaitEntered(1);
        List<CompletableFuture<MockHttpServletResponse>> queued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            queued.add(send(gate, get("/api/tasks"), "waiter " + i));
            Thread.sleep(100); // each in the queue before the next comes
        }
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<MockHttpServletResponse> q : queued) {
            q.get(5, TimeUnit.SECONDS);
        }
        assertThat(entered).containsExactly("holder", "waiter 1", "waiter 2", "waiter 3", "waiter 4", "waiter 5");
    }

    @Test
    void uploads_exports_and_files_pass_while_every_turn_is_taken() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofSeconds(30), 100);
        send(gate, get("/api/tasks"), "ledger");
        awaitEntered(1);
        MockHttpServletRequest upload = new MockHttpServletRequest("POST", "/api/progress/reports");
        upload.setContentType("multipart/form-data; boundary=x");
        MockHttpServletRequest export = get("/supervision/notices");
        export.setQueryString("status=OPEN&format=xlsx");
        for (MockHttpServletRequest transfer : List.of(upload, export, get("/insight/ledger.xlsx"),
                get("/api/tasks/7/dossier"), get("/api/progress/evidence/12"), get("/webjars/htmx.org/dist/htmx.min.js"))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            gate.doFilter(transfer, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(204));
            assertThat(response.getStatus()).as(transfer.getRequestURI()).isEqualTo(204);
        }
        assertThat(gate.inUse()).isEqualTo(1);
    }

    @Test
    void writes_take_no_turn_so_reports_submitted_at_once_still_share_the_disk_flush() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofMillis(100), 100);
        send(gate, get("/api/tasks"), "ledger");
        awaitEntered(1);
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            MockHttpServletRequest write = new MockHttpServletRequest(method, "/api/progress/reports");
            write.setContentType("application/json");
            MockHttpServletResponse response = new MockHttpServletResponse();
            gate.doFilter(write, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(201));
            assertThat(response.getStatus()).as(method).isEqualTo(201);
        }
        MockHttpServletResponse head = new MockHttpServletResponse();
        gate.doFilter(new MockHttpServletRequest("HEAD", "/api/tasks"), head, (req, res) -> entered.add("never"));
        assertThat(head.getStatus()).as("HEAD is a read").isEqualTo(503);
    }

    @Test
    void an_api_call_with_no_turn_in_time_gets_503_with_retry_after_and_a_sentence_in_its_language() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofMillis(200), 100);
        send(gate, get("/api/tasks"), "holder");
        awaitEntered(1);
        MockHttpServletRequest chinese = get("/api/tasks");
        MockHttpServletResponse zh = new MockHttpServletResponse();
        gate.doFilter(chinese, zh, (req, res) -> entered.add("never"));
        assertThat(zh.getStatus()).isEqualTo(503);
        assertThat(zh.getHeader("Retry-After")).isEqualTo("5");
        assertThat(zh.getContentType()).startsWith("application/problem+json");
        assertThat(zh.getContentAsString()).contains("\"title\":\"系统繁忙\"")
                .contains("\"detail\":\"当前访问的人较多，系统正在排队处理，请几秒钟后重试。\"");

        MockHttpServletRequest english = get("/api/tasks");
        english.setCookies(new Cookie("rectify-lang", "en"));
        MockHttpServletResponse en = new MockHttpServletResponse();
        gate.doFilter(english, en, (req, res) -> entered.add("never"));
        assertThat(en.getStatus()).isEqualTo(503);
        assertThat(en.getContentAsString()).contains("\"title\":\"Busy\"")
                .contains("Many requests are waiting their turn right now; please try again in a few seconds.");
        assertThat(entered).containsExactly("holder");
    }

    @Test
    void a_page_with_no_turn_in_time_gets_the_error_page_of_503() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofMillis(100), 100);
        send(gate, get("/api/tasks"), "holder");
        awaitEntered(1);
        MockHttpServletResponse page = new MockHttpServletResponse();
        gate.doFilter(get("/tasks"), page, (req, res) -> entered.add("never"));
        assertThat(page.getStatus()).isEqualTo(503);
        assertThat(page.getErrorMessage()).isNull(); // the error page (error.html) writes error.title.503 and .detail.503
        assertThat(page.getHeader("Retry-After")).isEqualTo("5");
    }

    @Test
    void a_full_queue_refuses_at_once_rather_than_hold_another_worker() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofSeconds(30), 1);
        send(gate, get("/api/tasks"), "holder");
        awaitEntered(1);
        CompletableFuture<MockHttpServletResponse> waiter = send(gate, get("/api/tasks"), "waiter");
        Thread.sleep(200);
        long start = System.nanoTime();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        gate.doFilter(get("/api/tasks"), refused, (req, res) -> entered.add("never"));
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        release.countDown();
        assertThat(waiter.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(entered).containsExactly("holder", "waiter");
    }

    @Test
    void a_computed_answer_is_held_in_the_buffer_until_its_turn_is_given_back_and_a_transfer_is_not() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofSeconds(1), 100);
        byte[] page = "台账".repeat(5_000).getBytes(java.nio.charset.StandardCharsets.UTF_8); // 30 kB, as a ledger page
        MockHttpServletResponse json = new MockHttpServletResponse();
        boolean[] committedInside = {true};
        gate.doFilter(get("/api/tasks"), json, (req, res) -> {
            res.getOutputStream().write(page);
            res.getOutputStream().flush();  // what Jackson does when it is done
            res.flushBuffer();
            committedInside[0] = json.isCommitted(); // a slow reader would block this thread here, holding the turn
        });
        assertThat(committedInside[0]).isFalse();
        assertThat(json.getContentAsByteArray()).isEqualTo(page);
        assertThat(gate.inUse()).isZero();

        MockHttpServletResponse html = new MockHttpServletResponse();
        html.setCharacterEncoding("UTF-8");
        gate.doFilter(get("/tasks"), html, (req, res) -> {
            res.getWriter().write("<html>台账</html>");
            res.getWriter().flush();
            committedInside[0] = html.isCommitted();
        });
        assertThat(committedInside[0]).isFalse();
        assertThat(html.getContentAsString()).isEqualTo("<html>台账</html>");

        MockHttpServletResponse export = new MockHttpServletResponse();
        gate.doFilter(get("/insight/ledger.xlsx"), export, (req, res) -> {
            res.getOutputStream().write(page);
            res.getOutputStream().flush(); // a streamed export goes out as it is made
            committedInside[0] = export.isCommitted();
        });
        assertThat(committedInside[0]).isTrue();
    }

    private AdmissionGate gate(int turns, Duration maxWait, int maxQueue) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        CookieLocaleResolver locales = new CookieLocaleResolver("rectify-lang");
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return new AdmissionGate(turns, maxWait, maxQueue, new Busy(messages, locales, JsonMapper.builder().build()));
    }

    /** A request that, once admitted, notes its name and computes until the test releases it. */
    private CompletableFuture<MockHttpServletResponse> send(AdmissionGate gate, MockHttpServletRequest request, String name) {
        FilterChain computing = (req, res) -> {
            entered.add(name);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        return CompletableFuture.supplyAsync(() -> {
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
                gate.doFilter(request, response, computing);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return response;
        }, clients);
    }

    private void awaitEntered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (entered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(entered).hasSize(count);
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
