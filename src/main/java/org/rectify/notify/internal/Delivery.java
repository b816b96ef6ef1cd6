package org.rectify.notify.internal;

/** What became of one attempt to send: delivered, or failed with an error worth showing the office. */
record Delivery(boolean delivered, String error) {

    static final Delivery OK = new Delivery(true, null);

    /** A failure described by its exception and, when it says nothing itself, by its cause (HttpClient's often don't). */
    static Delivery failed(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); (message == null || message.isBlank()) && cause != null; cause = cause.getCause()) {
            message = cause.getMessage() == null ? null : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return failed(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    static Delivery failed(String error) {
        String e = error == null || error.isBlank() ? "unknown error" : error.strip();
        return new Delivery(false, e.length() > 500 ? e.substring(0, 500) + "…" : e);
    }
}
