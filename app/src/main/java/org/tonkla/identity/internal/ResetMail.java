package org.tonkla.identity.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tonkla.platform.TonklaProperties;

/**
 * The password-reset e-mail: the link with its token and when it expires, Thai first, then English; never a
 * password. Sent after the request commits, off the request's thread. Unlike referral mail there is no outbox
 * to retry from: the outbox would have to keep the token itself, and a user whose mail did not come asks again.
 */
@Component
public class ResetMail {

    private static final Logger log = LoggerFactory.getLogger(ResetMail.class);
    private static final Locale THAI = Locale.forLanguageTag("th");
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter THAI_TIME = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.forLanguageTag("th-TH"))
            .withChronology(ThaiBuddhistChronology.INSTANCE);
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("d MMM uuuu HH:mm", Locale.ENGLISH);

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final TonklaProperties tonkla;
    private final String from;

    ResetMail(ObjectProvider<JavaMailSender> sender, MessageSource messages, TonklaProperties tonkla,
            @Value("${tonkla.mail.from:tonkla@localhost}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.tonkla = tonkla;
        this.from = from;
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Sends the link once the caller's transaction has committed (at once without one). */
    public void sendAfterCommit(String to, String name, String token, Instant expires) {
        SimpleMailMessage message = message(to, name, token, expires);
        Runnable send = () -> Thread.ofVirtual().name("reset-mail").start(() -> send(message));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private void send(SimpleMailMessage message) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) return;
        try {
            mail.send(message);
        } catch (RuntimeException e) {
            // Neither the address nor the token is logged.
            log.warn("Password-reset e-mail not sent: {}", e.getClass().getSimpleName());
        }
    }

    SimpleMailMessage message(String to, String name, String token, Instant expires) {
        String link = tonkla.publicUrl() + "/password-reset/" + token;
        var m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(to);
        m.setSubject(messages.getMessage("reset.mail.subject", null, THAI) + " / "
                + messages.getMessage("reset.mail.subject", null, Locale.ENGLISH));
        m.setText(messages.getMessage("reset.mail.body", new Object[] {name, link, THAI_TIME.format(expires.atZone(BANGKOK))}, THAI)
                + "\n\n" + messages.getMessage("reset.mail.body",
                        new Object[] {name, link, ENGLISH_TIME.format(expires.atZone(BANGKOK))}, Locale.ENGLISH) + "\n");
        return m;
    }
}
