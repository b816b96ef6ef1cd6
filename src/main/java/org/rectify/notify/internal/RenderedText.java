package org.rectify.notify.internal;

/** A message as email and webhooks carry it: a title, a sentence and an absolute link (null if none). */
record RenderedText(String title, String text, String link) {

    /** The plain-text body of an email: the sentence, then the link on its own line. */
    String mailBody() {
        return link == null ? text : text + "\n\n" + link;
    }
}
