package org.tonkla.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tonkla.exchange.RejectReason;
import org.tonkla.platform.InvalidInput;

/** Hostile or broken 43-file input: non-finite numbers and zips that unpack far past their size. */
class F43HardeningTest {

    @Test
    void nonFiniteNumbersAreImplausibleNotStored() {
        for (String v : new String[] {"NaN", "Infinity", "-Infinity", "+Infinity"}) {
            assertThatThrownBy(() -> F43Checks.measure(v, "WEIGHT", 0.5, 60, "grams"))
                    .isInstanceOfSatisfying(RowFault.class, f -> assertThat(f.reason).isEqualTo(RejectReason.IMPLAUSIBLE_VALUE));
        }
        assertThat(F43Checks.measure("12.5", "WEIGHT", 0.5, 60, "grams")).isEqualTo(12.5);
    }

    @Test
    void anEntryUnpackingPastTheLimitIsRefusedWithItsName() throws IOException {
        byte[] zip = zip("PERSON.txt", 3_000_000);
        assertThatThrownBy(() -> F43Zip.read(zip, new F43Zip.Limits(1_000_000, 10_000_000, 100_000)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("PERSON.txt");
    }

    @Test
    void aZipUnpackingFarPastItsOwnSizeIsRefused() throws IOException {
        byte[] zip = zip("PERSON.txt", 5_000_000);
        assertThatThrownBy(() -> F43Zip.read(zip, new F43Zip.Limits(100_000_000, 100_000_000, 50)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("PERSON.txt").hasMessageContaining("zip bomb");
    }

    @Test
    void theTotalOfAllEntriesIsCapped() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes)) {
            entry(out, "PERSON.txt", 600_000);
            entry(out, "EPI.txt", 600_000);
        }
        assertThatThrownBy(() -> F43Zip.read(bytes.toByteArray(), new F43Zip.Limits(1_000_000, 1_000_000, 100_000)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("EPI.txt");
    }

    private static byte[] zip(String name, int size) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ZipOutputStream(bytes)) {
            entry(out, name, size);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream out, String name, int size) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write("HOSPCODE|CID|PID|HID|NAME|LNAME|SEX|BIRTH|MOTHER|TYPEAREA|D_UPDATE\n".getBytes(StandardCharsets.UTF_8));
        out.write(new byte[size]);
        out.closeEntry();
    }
}
