package org.tonkla.referral.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.tonkla.referral.NeedTypes;

/** Binds the need types and runs the escalation on a schedule. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(NeedTypes.class)
class ReferralConfiguration {}
