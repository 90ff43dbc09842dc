package org.tonkla.core.immunization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped Thai EPI schedule. Primary sources: DDC "กำหนดการให้วัคซีน ปี 2566" (vaccine list);
 * THCC code set 198 via sil-th/terminology-ig CS_MoPH_VaccineCode.fsh (codes, THAI-RULES §3);
 * ages from the secondary copies named in PROVENANCE.md.
 */
class EpiScheduleTest {

    private static final EpiSchedule EPI = EpiSchedule.thaiNational();

    @Test
    void coversEveryBasicVaccineOfTheDdcList() {
        // DDC 2566, กลุ่มที่ 1: BCG, HB, polio, MMR, DTwP-HB-Hib, DTwP, LAJE, ROTA
        assertThat(EPI.doses()).extracting(ScheduledDose::series)
                .contains("BCG", "HB", "OPV", "IPV", "MMR", "DTP", "LAJE", "ROTA");
        assertThat(EPI.version()).isEqualTo("moph-epi-2566");
    }

    @Test
    void usesThcc198CodesPerDose() {
        // THAI-RULES §3 EPI: 010 BCG; 041 HBV1; D21–D23 DTP-HB-Hib 1–3; 081–083 OPV1–3; 084/085 OPV
        // boosters; 401 IPV-P; 061 MMR1; 073 MMR2; J11/J12 LAJE1/2; 034/035 DTP4/5
        assertThat(dose("BCG", 1).primaryCode()).isEqualTo("010");
        assertThat(dose("HB", 1).primaryCode()).isEqualTo("041");
        assertThat(EPI.series("DTP")).extracting(ScheduledDose::primaryCode).containsExactly("D21", "D22", "D23", "034", "035");
        assertThat(EPI.series("OPV")).extracting(ScheduledDose::primaryCode).containsExactly("081", "082", "083", "084", "085");
        assertThat(dose("IPV", 1).primaryCode()).isEqualTo("401");
        assertThat(EPI.series("MMR")).extracting(ScheduledDose::primaryCode).containsExactly("061", "073");
        assertThat(EPI.series("LAJE")).extracting(ScheduledDose::primaryCode).containsExactly("J11", "J12");
        assertThat(dose("DTP", 1).isRecordedBy("091")).isTrue(); // DTPHB 1 also records the first DTP dose
    }

    @Test
    void recommendedAges() {
        assertThat(dose("BCG", 1).age()).isEqualTo(Period.ZERO);
        assertThat(EPI.series("DTP")).extracting(ScheduledDose::age)
                .containsExactly(Period.ofMonths(2), Period.ofMonths(4), Period.ofMonths(6), Period.ofMonths(18), Period.ofYears(4));
        assertThat(dose("MMR", 1).age()).isEqualTo(Period.ofMonths(9));
        assertThat(dose("LAJE", 1).age()).isEqualTo(Period.ofYears(1));
        assertThat(dose("LAJE", 2).age()).isEqualTo(Period.ofMonths(30));
        assertThat(dose("IPV", 1).age()).isEqualTo(Period.ofMonths(4));
    }

    @Test
    void unverifiedRowsAreMarked() {
        assertThat(dose("MMR", 2).evidence()).isEqualTo(Evidence.UNVERIFIED);
        assertThat(EPI.series("ROTA")).allMatch(d -> d.evidence() == Evidence.UNVERIFIED);
    }

    @Test
    void dosesAreInAgeOrder() {
        List<ScheduledDose> doses = EPI.doses();
        for (int i = 1; i < doses.size(); i++) {
            LocalDate dob = LocalDate.of(2024, 1, 31);
            assertThat(doses.get(i).recommendedOn(dob)).isAfterOrEqualTo(doses.get(i - 1).recommendedOn(dob));
        }
    }

    @Test
    void readErrorsNameLineAndColumn() {
        String header = "series,dose,codes,label_th,label_en,age,min_interval_days,requires_prior_code,max_age,status,note\n";
        assertThatThrownBy(() -> EpiSchedule.read(new StringReader(header + "BCG,1,010,x,x,two months,,,,P,\n"), "t"))
                .hasMessageContaining("line 2").hasMessageContaining("column age").hasMessageContaining("P2M");
        assertThatThrownBy(() -> EpiSchedule.read(new StringReader("# c\n" + header + "BCG,1,01,x,x,P0D,,,,P,\n"), "t"))
                .hasMessageContaining("line 3").hasMessageContaining("column codes");
        assertThatThrownBy(() -> EpiSchedule.read(new StringReader(header + "BCG,1,010,x,x,P0D,,,,Q,\n"), "t"))
                .hasMessageContaining("column status").hasMessageContaining("V, P or U");
        assertThatThrownBy(() -> EpiSchedule.read(new StringReader(header + "BCG,1,010\n"), "t"))
                .hasMessageContaining("expected 11");
        assertThatThrownBy(() -> EpiSchedule.read(new StringReader(header + "BCG,1,010,x,x,P0D,,,,P,\nBCG,1,011,x,x,P0D,,,,P,\n"), "t"))
                .hasMessageContaining("twice");
    }

    private static ScheduledDose dose(String series, int dose) {
        return EPI.series(series).get(dose - 1);
    }
}
