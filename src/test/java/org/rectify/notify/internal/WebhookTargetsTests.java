package org.rectify.notify.internal;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rectify.notify.internal.WebhookTargets.Refusal.ADDRESS;
import static org.rectify.notify.internal.WebhookTargets.Refusal.PORT;

/** The webhook target policy alone: public addresses on 80/443 by default, an allow-list for internal receivers. */
class WebhookTargetsTests {

    /** A DNS of our own: names answer what the test says, nothing leaves the machine. */
    private static WebhookTargets.Resolver dns(Map<String, List<String>> answers) {
        return host -> {
            List<String> a = answers.get(host);
            if (a == null) {
                return InetAddress.getAllByName(host); // literals only in these tests
            }
            InetAddress[] out = new InetAddress[a.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = InetAddress.getByAddress(host, InetAddress.getByName(a.get(i)).getAddress());
            }
            return out;
        };
    }

    private static final WebhookTargets.Resolver DNS = dns(Map.of(
            "robot.example.com", List.of("203.0.114.10"),
            "sneaky.example.com", List.of("203.0.114.10", "127.0.0.1"),
            "metadata.example.com", List.of("169.254.169.254"),
            "gateway.corp", List.of("10.1.2.3")));

    @Test
    void loopback_link_local_private_and_reserved_addresses_are_refused_by_default() throws Exception {
        WebhookTargets targets = WebhookTargets.publicOnly();
        for (String address : new String[]{"127.0.0.1", "127.5.6.7", "169.254.169.254", "10.0.0.1", "172.16.0.1",
                "172.31.255.255", "192.168.1.1", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1"}) {
            assertThat(targets.permits(InetAddress.getByName(address))).as(address).isFalse();
        }
        assertThat(targets.permits(InetAddress.getByName("203.0.114.10"))).isTrue();
        assertThat(targets.permits(InetAddress.getByName("2400:3200::1"))).isTrue();
        assertThat(targets.permits(InetAddress.getByName("172.32.0.1"))).isTrue();
    }

    @Test
    void urls_are_checked_by_every_address_their_name_resolves_to() {
        WebhookTargets targets = WebhookTargets.publicOnly();
        assertThat(targets.check("https://robot.example.com/send", DNS)).isEmpty();
        assertThat(targets.check("https://sneaky.example.com/send", DNS)).contains(ADDRESS);
        assertThat(targets.check("http://metadata.example.com/latest/meta-data/", DNS)).contains(ADDRESS);
        assertThat(targets.check("http://169.254.169.254/latest/meta-data/", DNS)).contains(ADDRESS);
        assertThat(targets.check("http://[::1]/", DNS)).contains(ADDRESS);
        assertThat(targets.check("http://2130706433/", DNS)).isNotEmpty(); // 127.0.0.1 written as one number
        assertThat(targets.check("https://robot.example.com:8443/send", DNS)).contains(PORT);
        assertThat(targets.check("https://robot.example.com:443/send", DNS)).isEmpty();
        assertThat(targets.check("http://robot.example.com:80/send", DNS)).isEmpty();
    }

    @Test
    void the_allow_list_admits_hosts_addresses_and_ranges_on_any_port() throws Exception {
        WebhookTargets targets = WebhookTargets.allowing(List.of("gateway.corp", " 127.0.0.1 ", "192.168.0.0/16", "[fd00::1]"));
        assertThat(targets.check("http://gateway.corp:8080/hook", DNS)).isEmpty();
        assertThat(targets.check("http://127.0.0.1:39999/hook", DNS)).isEmpty();
        assertThat(targets.check("http://192.168.10.20:8080/hook", DNS)).isEmpty();
        assertThat(targets.check("http://[fd00::1]:8080/hook", DNS)).isEmpty();
        assertThat(targets.check("http://10.0.0.1/hook", DNS)).contains(ADDRESS); // not on the list
        assertThat(targets.check("http://10.0.0.1:8080/hook", DNS)).contains(PORT);
        assertThat(targets.check("http://metadata.example.com/", DNS)).contains(ADDRESS);
        assertThat(targets.resolve("gateway.corp", DNS)).extracting(InetAddress::getHostAddress).containsExactly("10.1.2.3");
    }

    @Test
    void a_refused_name_is_refused_when_resolved_for_the_connection() {
        assertThatThrownBy(() -> WebhookTargets.publicOnly().resolve("sneaky.example.com", DNS))
                .isInstanceOf(WebhookTargets.TargetRefused.class);
        assertThatThrownBy(() -> WebhookTargets.publicOnly().resolve("nowhere.invalid", host -> {
            throw new UnknownHostException(host);
        })).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void allow_list_entries_are_hosts_addresses_or_ranges() {
        assertThat(WebhookTargets.validEntry("10.0.0.0/8")).isTrue();
        assertThat(WebhookTargets.validEntry("robot.intranet")).isTrue();
        assertThat(WebhookTargets.validEntry("::1")).isTrue();
        assertThat(WebhookTargets.validEntry("10.0.0.0/33")).isFalse();
        assertThat(WebhookTargets.validEntry("10.0.0.0/x")).isFalse();
        assertThat(WebhookTargets.validEntry(" ")).isFalse();
    }
}
