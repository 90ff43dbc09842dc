package org.tonkla.assessment.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tonkla.assessment.AssessmentProperties;
import org.tonkla.assessment.AssessmentRefused;
import org.tonkla.platform.FileStore;

/**
 * Evidence files and center photos: the platform's file store with the assessment's limits (the
 * configured size; photos and PDFs), its refusals in the assessment's messages.
 */
@Component
public class EvidenceStore {

    private final FileStore files;
    private final long maxBytes;

    EvidenceStore(FileStore files, AssessmentProperties properties) {
        this.files = files;
        this.maxBytes = properties.evidenceMaxBytes();
    }

    /**
     * Checks, cleans and stores {@code bytes}.
     *
     * @throws AssessmentRefused {@code assessment.error.fileEmpty}, {@code …fileTooLarge}, {@code …fileType},
     *     {@code …fileTooManyPixels}, {@code …fileBusy}
     */
    public FileStore.Stored store(String fileName, byte[] bytes) {
        try {
            return files.store(fileName, bytes, maxBytes, true);
        } catch (FileStore.Refused e) {
            throw switch (e.problem()) {
                case EMPTY -> new AssessmentRefused("assessment.error.fileEmpty", List.of(fileName));
                case TOO_LARGE -> new AssessmentRefused("assessment.error.fileTooLarge",
                        List.of(fileName, String.valueOf(maxBytes / (1024 * 1024))));
                case TYPE -> new AssessmentRefused("assessment.error.fileType", List.of(fileName));
                case TOO_MANY_PIXELS -> new AssessmentRefused("assessment.error.fileTooManyPixels", List.of(fileName));
                case BUSY -> new AssessmentRefused("assessment.error.fileBusy", List.of(fileName));
            };
        }
    }

    /** The stored bytes of {@code sha256}. */
    public byte[] read(String sha256) {
        return files.read(sha256);
    }
}
