package org.rectify.notify.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A robot's URL carries its token (DingTalk {@code access_token=}, WeCom {@code key=}): whoever reads it can post
 * to the group. Listings show the URL with every query value masked, and an edit that sends the masked URL back
 * (or none) keeps the stored one.
 */
final class WebhookUrls {

    static final String MASK = "******";

    private WebhookUrls() {
    }

    /** The URL with each query parameter's value replaced by {@link #MASK}; anything unreadable fully masked. */
    static String masked(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return MASK;
            }
            StringBuilder out = new StringBuilder(uri.getScheme()).append("://").append(uri.getHost() == null
                    ? MASK : uri.getHost());
            if (uri.getPort() >= 0) {
                out.append(':').append(uri.getPort());
            }
            out.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                out.append('?');
                String[] params = uri.getRawQuery().split("&");
                for (int i = 0; i < params.length; i++) {
                    int eq = params[i].indexOf('=');
                    out.append(i == 0 ? "" : "&").append(eq < 0 ? MASK : params[i].substring(0, eq + 1) + MASK);
                }
            }
            return out.toString();
        } catch (URISyntaxException e) {
            return MASK;
        }
    }

    /** What to store for an edit: the stored URL when none was entered or the masked one came back unchanged. */
    static String keepStored(String entered, String stored) {
        if (stored == null) {
            return entered;
        }
        return entered == null || entered.equals(masked(stored)) ? stored : entered;
    }
}
