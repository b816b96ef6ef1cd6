package org.rectify.notify.internal;

/** What became of one attempt to send: delivered, or failed with an error worth showing the office. */
record Delivery(boolean delivered, String error) {

    static final Delivery OK = new Delivery(true, null);

    static Delivery failed(String error) {
        String e = error == null || error.isBlank() ? "unknown error" : error.strip();
        return new Delivery(false, e.length() > 500 ? e.substring(0, 500) + "…" : e);
    }
}
