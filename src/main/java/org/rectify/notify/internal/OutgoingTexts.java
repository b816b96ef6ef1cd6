package org.rectify.notify.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Renders a message for email and webhooks when it is queued, in zh-CN (the recipients are Chinese offices
 * and a robot has no language preference), with its link made absolute from {@code rectify.public-url}.
 */
@Component
class OutgoingTexts {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final MessageSource messages;
    private final String publicUrl;

    OutgoingTexts(MessageSource messages, @Value("${rectify.public-url:http://localhost:8080}") String publicUrl) {
        this.messages = messages;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    RenderedText render(Outgoing message) {
        String kind = messages.getMessage("notify.kind.other", null, CHINESE);
        String title = messages.getMessage("notify.kind." + message.kind(), null, kind, CHINESE);
        String text = messages.getMessage(message.messageKey(), message.args().toArray(), CHINESE);
        return new RenderedText(messages.getMessage("notify.channel.subject", new Object[]{title}, CHINESE), text,
                absolute(message.link()));
    }

    String absolute(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        return link.startsWith("/") ? publicUrl + link : link;
    }
}
