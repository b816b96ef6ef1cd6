package org.rectify.notify.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The signature a DingTalk robot with 加签 expects: HmacSHA256 keyed by the secret over
 * "timestamp\nsecret", Base64, URL-encoded, sent as {@code &timestamp=..&sign=..} (timestamp in ms,
 * within an hour of DingTalk's clock).
 */
final class DingTalkSignature {

    private DingTalkSignature() {
    }

    static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The robot URL with the timestamp and signature appended. */
    static String signedUrl(String url, String secret, long timestampMillis) {
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + sign(timestampMillis, secret);
    }
}
