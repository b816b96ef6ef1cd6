package org.rectify.notify.internal;

/**
 * A webhook as entered. The secret is write-only: blank keeps the stored one, {@code removeSecret} drops
 * it. {@code unitId} null means all units, else that unit's subtree.
 */
public record WebhookForm(String name, WebhookFormat format, String url, String secret, Boolean removeSecret,
                          Long unitId, Boolean enabled) {

    @Override
    public String toString() { // never log the secret
        return "WebhookForm[" + name + ", " + format + ", " + url + "]";
    }
}
