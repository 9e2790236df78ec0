package io.paperpulse.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) on a free loopback port, and what reached it. */
final class MailInbox implements AutoCloseable {
    private final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    MailInbox() {
        mail.start();
    }

    /** SMTP_HOST and SMTP_PORT for a service that sends here. */
    Map<String, String> smtpSettings() {
        return Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(mail.getSmtp().getPort()));
    }

    List<MimeMessage> messagesTo(String address) {
        List<MimeMessage> to = new ArrayList<>();
        try {
            for (MimeMessage m : mail.getReceivedMessages()) {
                for (var recipient : m.getAllRecipients()) {
                    if (recipient.toString().equalsIgnoreCase(address)) {
                        to.add(m);
                    }
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return to;
    }

    int total() {
        return mail.getReceivedMessages().length;
    }

    /** The decoded text/plain part of a message. */
    static String text(MimeMessage message) {
        try {
            String text = message.isMimeType("text/plain") ? message.getContent().toString() : textOf(message.getContent());
            if (text == null) {
                throw new IllegalStateException("no text/plain part in " + message.getSubject());
            }
            return text;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String text = part.isMimeType("text/plain") ? part.getContent().toString() : textOf(part.getContent());
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
