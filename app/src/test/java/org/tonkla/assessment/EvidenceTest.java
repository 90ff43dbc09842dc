package org.tonkla.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tonkla.IntegrationTest;
import org.tonkla.directory.Directory;
import org.tonkla.identity.OrgUnit;
import org.tonkla.identity.Role;

/** Evidence files: photos lose their EXIF location on the way in; size and type are limited (issue 5 §3). */
class EvidenceTest extends IntegrationTest {

    @Autowired
    CenterAssessments assessments;
    @Autowired
    Directory directory;

    @Test
    void aPhotoIsStoredWithoutItsExifLocation() throws Exception {
        UUID unit = Fixtures.center(directory, "DLA", "340201", "ศูนย์พัฒนาเด็กเล็กหลักฐาน");
        var head = Fixtures.user("head.evidence", Role.CENTER_HEAD, "DLA", OrgUnit.serviceUnit(unit));
        UUID id = assessments.open(unit, assessments.currentYearBe(), head);
        byte[] photo = org.tonkla.TestImages.jpegWithGps();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPS");

        UUID evidence = assessments.addEvidence(id, null, "1.3.1", "playground.jpg", photo, head);
        FileContent stored = assessments.evidence(evidence, head);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        String text = new String(stored.bytes(), StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotContain("Exif").doesNotContain("GPS");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(stored.bytes()));
        assertThat(back.getWidth()).isEqualTo(80);

        assertThatThrownBy(() -> assessments.addEvidence(id, null, "1.3.1", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), head))
                .isInstanceOfSatisfying(AssessmentRefused.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.error.fileType"));
        byte[] huge = new byte[6 * 1024 * 1024];
        System.arraycopy(photo, 0, huge, 0, photo.length);
        assertThatThrownBy(() -> assessments.addEvidence(id, null, "1.3.1", "huge.jpg", huge, head))
                .isInstanceOfSatisfying(AssessmentRefused.class, e -> assertThat(e.messageKey()).isEqualTo("assessment.error.fileTooLarge"));
    }
}
