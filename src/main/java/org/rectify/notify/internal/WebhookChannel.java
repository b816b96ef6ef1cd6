package org.rectify.notify.internal;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Posts to webhooks with the JDK HttpClient, with short timeouts so that one unreachable robot cannot hold
 * the sender up for long; redirects are not followed (a webhook URL is exactly where we post).
 */
@Component
class WebhookChannel {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock;

    WebhookChannel(Clock clock) {
        this.clock = clock;
    }

    Delivery send(Webhooks.Target target, OutboundRow row) {
        WebhookFormat format = target.format();
        String body = format.body(new WebhookFormat.WebhookMessage(row.kind(), row.subject(), row.body(), row.link(),
                row.dedupeKey()));
        try {
            // DingTalk checks the signature's timestamp against its own clock: the real time, not a test's
            HttpRequest request = HttpRequest.newBuilder(URI.create(format.url(target.url(), target.secret(), clock.millis())))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return format.judge(response.statusCode(), response.body());
        } catch (IOException | IllegalArgumentException e) {
            return Delivery.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.failed("interrupted");
        }
    }
}
