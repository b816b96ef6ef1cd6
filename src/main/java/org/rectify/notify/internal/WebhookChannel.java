package org.rectify.notify.internal;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Posts to webhooks, with short timeouts so that one unreachable robot cannot hold the sender up for long.
 * Only to targets {@link WebhookTargets} allows: the URL is checked again before each post (the allow-list may
 * have shrunk since it was saved), and the client's own DNS resolver checks every address a name resolves to
 * and hands the client exactly those, so a name cannot answer "public" to the check and "private" to the
 * connection. Redirects are not followed (a webhook URL is exactly where we post). Of the answer only the
 * status and a robot's error code are kept: the body of whatever answered is never shown to anyone.
 */
@Component
class WebhookChannel implements DisposableBean {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Enough of an answer for a robot's {"errcode": …}; the rest is not read. */
    static final int MAX_ANSWER = 16 * 1024;

    private final WebhookAllowList allowList;
    private final Clock clock;
    private volatile CloseableHttpClient http;

    WebhookChannel(WebhookAllowList allowList, Clock clock) {
        this.allowList = allowList;
        this.clock = clock;
    }

    /** The client, made at the first post: its TLS set-up would cost every start a second (issue 14). */
    private CloseableHttpClient http() {
        CloseableHttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = newClient();
                }
                client = http;
            }
        }
        return client;
    }

    private CloseableHttpClient newClient() {
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return allowList.current().resolve(host, WebhookTargets.SYSTEM);
                } catch (WebhookTargets.TargetRefused refused) {
                    throw new Refused(refused.refusal());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(CONNECT_TIMEOUT))
                                .setSocketTimeout(Timeout.of(REQUEST_TIMEOUT)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(REQUEST_TIMEOUT)).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().build(); // no system proxy either: the checked address is the one connected to
    }

    Delivery send(Webhooks.Target target, OutboundRow row) {
        WebhookFormat format = target.format();
        Optional<WebhookTargets.Refusal> shape = allowList.current().checkUrl(target.url());
        if (shape.isPresent()) {
            return Delivery.failed(shape.get().logText);
        }
        String body = format.body(new WebhookFormat.WebhookMessage(row.kind(), row.subject(), row.body(), row.link(),
                row.dedupeKey()));
        try {
            // DingTalk checks the signature's timestamp against its own clock: the real time, not a test's
            HttpPost post = new HttpPost(format.url(target.url(), target.secret(), clock.millis()));
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
            return http().execute(post, response -> format.judge(response.getCode(), answer(response.getEntity())));
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Refused refused) {
                    return Delivery.failed(refused.refusal.logText);
                }
            }
            return Delivery.failed(e);
        }
    }

    /** The start of the answer, for a robot's error code only. */
    private static String answer(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (InputStream in = entity.getContent()) {
            return new String(in.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
        }
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (http != null) {
            http.close();
        }
    }

    /** A host whose address the policy refuses; an UnknownHostException so that the client passes it on. */
    static final class Refused extends UnknownHostException {
        final transient WebhookTargets.Refusal refusal;

        Refused(WebhookTargets.Refusal refusal) {
            super(refusal.logText);
            this.refusal = refusal;
        }
    }
}
