package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;

/** Two PERSON rows of one CID that disagree on who the child is: the later one is rejected, not merged silently. */
class F43ConflictTest extends IntegrationTest {

    @Autowired
    F43Imports imports;

    @Test
    void aSecondRowOfTheSameCidWithAnotherNameIsConflicting() {
        var f = new F43Fixture(931, today());
        String birth = f.birth1.format(DateTimeFormatter.BASIC_ISO_DATE);
        String cid = f.cid(2);
        f.files.clear();
        f.files.put("PERSON", String.join("\n",
                "HOSPCODE|CID|PID|HID|NAME|LNAME|SEX|BIRTH|MOTHER|TYPEAREA|D_UPDATE",
                String.join("|", F43Fixture.HOSPCODE, cid, f.pid(1), "H1", "มะลิ", "ใจดี", "2", birth, "", "1", "20250101120000"),
                String.join("|", F43Fixture.HOSPCODE, cid, f.pid(2), "H1", "ดาวเรือง", "ใจดี", "2", birth, "", "1", "20250101120000"),
                String.join("|", F43Fixture.HOSPCODE, f.cid(3), f.pid(3), "H1", "ก้อง", "แสนดี", "1", birth, "", "1", "20250101120000"),
                String.join("|", F43Fixture.HOSPCODE, f.cid(4), f.pid(3), "H1", "ก้อง", "แสนดี", "1", birth, "", "1", "20250101120000")));
        F43Report report = imports.importNow("F43_99001_931.zip", f.zip(StandardCharsets.UTF_8), "test");

        String csv = imports.rejectionsCsv(report.jobId());
        assertThat(csv).contains(",PERSON,3,CONFLICTING_PERSON,").contains(",PERSON,5,CONFLICTING_PERSON,")
                .doesNotContain(",PERSON,2,").doesNotContain(",PERSON,4,");
    }
}
