package org.rectify.notify.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a webhook receives. GENERIC is our own JSON for any endpoint; DINGTALK and WECOM are the markdown
 * messages of the group robots of 钉钉 and 企业微信, which answer HTTP 200 even when they refuse a message:
 * only {@code errcode} 0 means delivered. A failure keeps the status and the robot's error code, never the
 * answer's text.
 */
public enum WebhookFormat {

    GENERIC {
        @Override
        Map<String, Object> payload(WebhookMessage m) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", m.kind());
            body.put("title", m.title());
            body.put("text", m.text());
            body.put("link", m.link());
            body.put("dedupeKey", m.dedupeKey());
            return body;
        }

        @Override
        Delivery judge(int status, String body) {
            return status / 100 == 2 ? Delivery.OK : Delivery.failed(httpError(status, body));
        }
    },

    DINGTALK {
        @Override
        Map<String, Object> payload(WebhookMessage m) {
            return ordered("msgtype", "markdown", "markdown", ordered("title", m.title(), "text", markdown(m)));
        }

        @Override
        String url(String url, String secret, long nowMillis) {
            return secret == null ? url : DingTalkSignature.signedUrl(url, secret, nowMillis);
        }
    },

    WECOM {
        @Override
        Map<String, Object> payload(WebhookMessage m) {
            return ordered("msgtype", "markdown", "markdown", Map.of("content", markdown(m)));
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    abstract Map<String, Object> payload(WebhookMessage message);

    String body(WebhookMessage message) {
        return JSON.writeValueAsString(payload(message));
    }

    /** Where to post; DingTalk signs the URL when the robot has a secret. */
    String url(String url, String secret, long nowMillis) {
        return url;
    }

    /** Robots: 2xx and {@code "errcode": 0}. */
    Delivery judge(int status, String body) {
        if (status / 100 != 2) {
            return Delivery.failed(httpError(status, body));
        }
        try {
            JsonNode answer = JSON.readTree(body == null ? "" : body);
            JsonNode code = answer == null ? null : answer.get("errcode");
            if (code != null && code.isNumber() && code.intValue() == 0) {
                return Delivery.OK;
            }
            // the code only, not errmsg: whatever answered, its words are never passed on
            return Delivery.failed("errcode " + (code == null || !code.isNumber() ? "missing" : code.asString()));
        } catch (RuntimeException e) {
            return Delivery.failed("HTTP " + status + ", not a robot's answer");
        }
    }

    /** Two entries in this order (as the robots' documentation writes them: easier to compare by eye). */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    static String markdown(WebhookMessage m) {
        return "#### " + m.title() + "\n\n" + m.text() + (m.link() == null ? "" : "\n\n[" + m.link() + "](" + m.link() + ")");
    }

    /** The status only: an answer's body may be anything the target holds, and is never shown. */
    static String httpError(int status, String body) {
        return "HTTP " + status;
    }

    /** The parts of a queued message a webhook carries. */
    record WebhookMessage(String kind, String title, String text, String link, String dedupeKey) {
    }
}
