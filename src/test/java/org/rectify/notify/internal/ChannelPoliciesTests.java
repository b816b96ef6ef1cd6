package org.rectify.notify.internal;

import org.junit.jupiter.api.Test;
import org.rectify.platform.EmailAddress;
import org.rectify.platform.InvalidInputException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small rules of the delivery channels, alone: backoff, robot answers, signing, addresses. */
class ChannelPoliciesTests {

    @Test
    void a_failure_waits_longer_each_time_and_the_sixth_is_the_last() {
        RetrySchedule r = RetrySchedule.STANDARD;
        assertThat(r.after(1)).contains(Duration.ofMinutes(1));
        assertThat(r.after(2)).contains(Duration.ofMinutes(5));
        assertThat(r.after(5)).contains(Duration.ofHours(12));
        assertThat(r.after(6)).isEmpty();
        assertThat(r.maxAttempts()).isEqualTo(6);
    }

    @Test
    void a_robot_that_answers_200_with_a_nonzero_errcode_has_refused_the_message() {
        assertThat(WebhookFormat.DINGTALK.judge(200, "{\"errcode\":0,\"errmsg\":\"ok\"}").delivered()).isTrue();
        assertThat(WebhookFormat.WECOM.judge(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"))
                .isEqualTo(Delivery.failed("errcode 93000")); // the robot's words are not passed on
        assertThat(WebhookFormat.WECOM.judge(200, "<html>proxy</html>").delivered()).isFalse();
        assertThat(WebhookFormat.DINGTALK.judge(502, "").error()).isEqualTo("HTTP 502");
        assertThat(WebhookFormat.GENERIC.judge(204, null).delivered()).isTrue();
        assertThat(WebhookFormat.GENERIC.judge(500, "boom").error()).isEqualTo("HTTP 500"); // nor is any answer's body
    }

    @Test
    void dingtalk_signs_timestamp_newline_secret_and_appends_it_to_the_url() {
        // expected value computed independently with DingTalk's own Python recipe (hmac, base64, quote_plus)
        String sign = DingTalkSignature.sign(1_700_000_000_000L, "SECexample");
        assertThat(sign).isEqualTo("uroalHrWHORz59talE1o26b8HuX2kOp8WlAN91F9Pj0%3D");
        assertThat(WebhookFormat.DINGTALK.url("https://oapi.dingtalk.com/robot/send?access_token=t", "SECexample", 1_700_000_000_000L))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign=" + sign);
        assertThat(WebhookFormat.DINGTALK.url("https://x.example/robot", null, 1L)).isEqualTo("https://x.example/robot");
        assertThat(WebhookFormat.WECOM.url("https://x.example/robot", "s", 1L)).isEqualTo("https://x.example/robot");
    }

    @Test
    void the_robot_payloads_are_markdown_and_the_generic_one_carries_the_key() {
        var m = new WebhookFormat.WebhookMessage("WARNING_RED", "红色预警", "任务亮红灯", "http://h/tasks/1", "red:1");
        assertThat(WebhookFormat.DINGTALK.body(m))
                .isEqualTo("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"红色预警\",\"text\":\"#### 红色预警\\n\\n任务亮红灯\\n\\n[http://h/tasks/1](http://h/tasks/1)\"}}");
        assertThat(WebhookFormat.WECOM.body(m)).startsWith("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"#### 红色预警");
        assertThat(WebhookFormat.GENERIC.body(m)).isEqualTo(
                "{\"kind\":\"WARNING_RED\",\"title\":\"红色预警\",\"text\":\"任务亮红灯\",\"link\":\"http://h/tasks/1\",\"dedupeKey\":\"red:1\"}");
    }

    @Test
    void only_http_and_https_urls_with_a_host_are_webhooks() {
        WebhookTargets targets = WebhookTargets.allowing(java.util.List.of("10.0.0.0/8"));
        assertThat(targets.checkUrl("https://oapi.dingtalk.com/robot/send?access_token=x")).isEmpty();
        assertThat(targets.checkUrl("http://10.0.0.5:8080/hook")).isEmpty();
        for (String url : new String[]{"file:///etc/passwd", "ftp://example.org/x", "https:///nohost",
                "http://user:pw@example.org/", "not a url", "gopher://10.0.0.5/"}) {
            assertThat(targets.checkUrl(url)).as(url).contains(WebhookTargets.Refusal.MALFORMED);
        }
    }

    @Test
    void an_email_address_is_one_address_or_none() {
        assertThat(EmailAddress.normalize("  ", "email")).isNull();
        assertThat(EmailAddress.normalize(" Zhang.San@HBJ.Lincang.GOV.cn ", "email")).isEqualTo("Zhang.San@hbj.lincang.gov.cn");
        assertThatThrownBy(() -> EmailAddress.normalize("a@b.cn, c@d.cn", "email")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> EmailAddress.normalize("no-at-sign", "email")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> EmailAddress.normalize("x@localhost", "email")).isInstanceOf(InvalidInputException.class);
    }
}
