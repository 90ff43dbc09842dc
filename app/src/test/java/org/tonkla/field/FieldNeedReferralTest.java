package org.tonkla.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.referral.NeedTypes;

/**
 * Issue 11 §6: "refer" creates a referral from a need a home visit found. The child page offers "refer this need"
 * (/referrals/new?child=…&need=…) for every need the referral module maps to a need type, so each field need must
 * map to the type of the agency that acts on it.
 */
class FieldNeedReferralTest extends IntegrationTest {

    @Autowired NeedTypes needTypes;

    @Test
    void everyNeedAHomeVisitFindsCanBeReferredToTheRightKindOfAgency() {
        assertThat(needTypes.forNeed("need.field.eef")).contains("household-support");
        assertThat(needTypes.forNeed("need.field.csg")).contains("household-support");
        assertThat(needTypes.forNeed("need.field.disability")).contains("household-support");
        assertThat(needTypes.forNeed("need.field.noIdentifier")).contains("other");
        assertThat(needTypes.forNeed("need.field.noCoverage")).contains("other");
    }
}
