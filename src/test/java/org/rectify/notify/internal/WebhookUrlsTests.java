package org.rectify.notify.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A robot's token lives in its URL: listings mask it, and an edit that sends the mask back keeps the token. */
class WebhookUrlsTests {

    @Test
    void every_query_value_is_masked_and_the_rest_of_the_url_shown() {
        assertThat(WebhookUrls.masked("https://oapi.dingtalk.com/robot/send?access_token=abc123"))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=******");
        assertThat(WebhookUrls.masked("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1&debug=1"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=******&debug=******");
        assertThat(WebhookUrls.masked("http://10.0.0.5:8080/hook")).isEqualTo("http://10.0.0.5:8080/hook");
        assertThat(WebhookUrls.masked("https://user:pw@hooks.example/x")).isEqualTo("https://hooks.example/x");
        assertThat(WebhookUrls.masked("not a url")).isEqualTo(WebhookUrls.MASK);
    }

    @Test
    void the_masked_url_sent_back_or_none_keeps_the_stored_one_and_a_new_url_replaces_it() {
        String stored = "https://oapi.dingtalk.com/robot/send?access_token=abc123";
        assertThat(WebhookUrls.keepStored("https://oapi.dingtalk.com/robot/send?access_token=******", stored)).isEqualTo(stored);
        assertThat(WebhookUrls.keepStored(null, stored)).isEqualTo(stored);
        assertThat(WebhookUrls.keepStored("https://oapi.dingtalk.com/robot/send?access_token=new", stored))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=new");
        assertThat(WebhookUrls.keepStored("https://hooks.example/x", null)).isEqualTo("https://hooks.example/x");
    }
}
