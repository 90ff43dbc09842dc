package org.tonkla.referral.internal;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP server from {@code TONKLA_SMTP_*} ({@code tonkla.mail.smtp-*}). Without a host there is no mail
 * sender and e-mail is off, unless Spring Boot's own {@code spring.mail.host} is set, which then applies
 * (Boot backs off when this one exists).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${tonkla.mail.smtp-host:}'.trim() != ''")
class MailConfiguration {

    @Bean
    JavaMailSender tonklaMailSender(@Value("${tonkla.mail.smtp-host}") String host,
            @Value("${tonkla.mail.smtp-port:587}") int port, @Value("${tonkla.mail.smtp-username:}") String username,
            @Value("${tonkla.mail.smtp-password:}") String password,
            @Value("${tonkla.mail.starttls:true}") boolean starttls) {
        var sender = new JavaMailSenderImpl();
        sender.setHost(host.trim());
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        if (!username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
        }
        Properties p = sender.getJavaMailProperties();
        p.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
        p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        p.put("mail.smtp.starttls.required", String.valueOf(starttls));
        // A hung server must not hold the sender forever; the outbox retries.
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "20000");
        p.put("mail.smtp.writetimeout", "20000");
        return sender;
    }
}
