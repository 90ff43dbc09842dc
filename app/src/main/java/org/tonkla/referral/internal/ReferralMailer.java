package org.tonkla.referral.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tonkla.identity.Mailboxes;
import org.tonkla.platform.TonklaProperties;

/**
 * E-mail for each referral notification, to the accounts of the recipient unit (or the escalation's
 * supervisors) that have an address. The message carries what happened and a link to the referral, never the
 * child's name or data: reading the referral needs signing in. Off unless an SMTP server is configured
 * ({@code TONKLA_SMTP_HOST} or {@code spring.mail.host}): then nothing is queued. Sent after the step commits;
 * a failure is logged and retried from the outbox, and never fails the referral.
 */
@Component
public class ReferralMailer {

    private static final Logger log = LoggerFactory.getLogger(ReferralMailer.class);
    private static final Locale THAI = Locale.forLanguageTag("th");

    private final ObjectProvider<JavaMailSender> sender;
    private final MailOutbox outbox;
    private final Mailboxes mailboxes;
    private final MessageSource messages;
    private final TonklaProperties tonkla;
    private final Clock clock;
    private final String from;
    private final AtomicBoolean sending = new AtomicBoolean();

    ReferralMailer(ObjectProvider<JavaMailSender> sender, MailOutbox outbox, Mailboxes mailboxes,
            MessageSource messages, TonklaProperties tonkla, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${tonkla.mail.from:tonkla@localhost}") String from) {
        this.sender = sender;
        this.outbox = outbox;
        this.mailboxes = mailboxes;
        this.messages = messages;
        this.tonkla = tonkla;
        this.clock = clock;
        this.from = from;
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Queues the notification's e-mail to a unit's accounts (in the caller's transaction). */
    void toUnit(UUID notification, UUID referral, String kind, UUID unit, Instant at) {
        if (!enabled()) return;
        queue(notification, referral, kind, mailboxes.ofUnit(unit), at);
    }

    /** Queues the notification's e-mail to the supervisors of an area and agency. */
    void toSupervisors(UUID notification, UUID referral, String kind, String area, List<String> agencies, Instant at) {
        if (!enabled()) return;
        queue(notification, referral, kind, mailboxes.ofSupervisors(area, agencies), at);
    }

    private void queue(UUID notification, UUID referral, String kind, List<String> to, Instant at) {
        if (to.isEmpty()) return;
        outbox.enqueue(notification, referral, kind, to, at);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // Off the request's thread: a slow SMTP server must not hold up the person who took the step.
                    Thread.ofVirtual().name("referral-mail").start(ReferralMailer.this::sendPending);
                }
            });
        }
    }

    /** Retries what failed or was left over (another node's crash, an SMTP outage). */
    @Scheduled(fixedDelayString = "${tonkla.mail.retry-interval:PT1M}", initialDelayString = "PT30S")
    void retry() {
        sendPending();
    }

    /** Sends what is due; returns how many messages went out. */
    public int sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !sending.compareAndSet(false, true)) return 0;
        int count = 0;
        try {
            List<MailOutbox.Pending> due;
            while (!(due = outbox.claim(Instant.now(clock), Duration.ofMinutes(5), 50)).isEmpty()) {
                for (MailOutbox.Pending p : due) {
                    try {
                        mail.send(message(p));
                        outbox.sent(p.id(), Instant.now(clock));
                        count++;
                    } catch (RuntimeException e) {
                        // The address is not logged (personal data); the outbox row keeps it for the retry.
                        log.warn("Referral e-mail {} not sent (attempt {}): {}", p.id(), p.attempts() + 1, e.toString());
                        outbox.failed(p, e.toString(), Instant.now(clock));
                    }
                }
            }
        } finally {
            sending.set(false);
        }
        return count;
    }

    /** Thai first, then English: the kind of event and the link, nothing else. */
    SimpleMailMessage message(MailOutbox.Pending p) {
        String link = tonkla.publicUrl() + "/referrals/" + p.referralId();
        String th = messages.getMessage(p.kind(), null, p.kind(), THAI);
        String en = messages.getMessage(p.kind(), null, p.kind(), Locale.ENGLISH);
        var m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(p.recipient());
        m.setSubject(messages.getMessage("referral.mail.subject", new Object[] {th}, THAI));
        m.setText(messages.getMessage("referral.mail.body", new Object[] {th, link}, THAI) + "\n\n"
                + messages.getMessage("referral.mail.body", new Object[] {en, link}, Locale.ENGLISH) + "\n");
        return m;
    }
}
