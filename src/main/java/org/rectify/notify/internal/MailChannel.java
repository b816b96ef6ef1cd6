package org.rectify.notify.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP through Spring's JavaMailSender. Boot makes one only when {@code spring.mail.host} is set:
 * without it the channel is off and nothing is queued for email.
 */
@Component
class MailChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailChannel(ObjectProvider<JavaMailSender> sender, @Value("${rectify.mail.from:noreply@rectify.invalid}") String from) {
        this.sender = sender;
        this.from = from;
    }

    boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    Delivery send(OutboundRow row) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return Delivery.failed("email is not configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(row.address());
        message.setSubject(row.subject());
        message.setText(row.body());
        try {
            mail.send(message);
            return Delivery.OK;
        } catch (RuntimeException e) { // MailException: the server refused or could not be reached
            return Delivery.failed(e);
        }
    }
}
