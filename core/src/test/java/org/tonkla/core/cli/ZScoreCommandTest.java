package org.tonkla.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZScoreCommandTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private List<String> run(String csv, int expectedExit, String... extra) throws IOException {
    Path in = dir.resolve("in.csv");
    Path out = dir.resolve("out.csv");
    Files.writeString(in, csv);
    String[] args = new String[2 + extra.length];
    args[0] = in.toString();
    args[1] = out.toString();
    System.arraycopy(extra, 0, args, 2, extra.length);
    assertThat(ZScoreCommand.run(args, err)).as(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
    return Files.readAllLines(out);
  }

  // Expected z-scores are WHO anthro's own test values (tests/testthat/test-zscores.R, test-zscore-weight-for-age.R).
  @Test
  void addsAnthroColumnsAndCopiesOtherColumns() throws IOException {
    List<String> out = run("""
        id,sex,age_days,weight,lenhei,measure,oedema
        "Somchai, A.",1,987,,72.86,l,n
        2,f,1522,17,,,
        """, 0);
    assertThat(out.get(0)).isEqualTo("id,sex,age_days,weight,lenhei,measure,oedema," + AnthroColumns.ADDED);
    String[] first = out.get(1).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
    assertThat(first[0]).isEqualTo("\"Somchai, A.\"");
    assertThat(first[7]).isEqualTo("72.16"); // clenhei: lying after 731 days loses 0.7 cm
    assertThat(first[8]).isEqualTo("l");
    assertThat(first[9]).isEqualTo("0");
    assertThat(first[11]).isEqualTo("-6.09"); // zlen
    assertThat(first[12]).isEqualTo("1"); // flen
    assertThat(first[13]).isEmpty(); // zwei: no weight
    assertThat(first[14]).isEmpty(); // fwei: missing with its z-score
    String[] second = out.get(2).split(",", -1);
    assertThat(second[13]).isEqualTo("0.24");
    assertThat(second[14]).isEqualTo("0");
    assertThat(second).hasSize(7 + 26);
  }

  // anthroplus tests/testthat/test-zscores.R: girl, 60.32 months, 113.8 cm, 18.7 kg.
  @Test
  void schoolAgeColumnsUseAgeInMonths() throws IOException {
    List<String> out = run("sex,age_months,weight,lenhei\n2,60.32,18.7,113.8\n", 0);
    String[] row = out.get(1).split(",", -1);
    int zhfa = 4 + 20;
    assertThat(row[zhfa]).isEqualTo("0.96");
    assertThat(row[zhfa + 2]).isEqualTo("0.21");
    assertThat(row[zhfa + 4]).isEqualTo("-0.58");
    assertThat(row[4 + 4]).as("no 2006 z-score at 60 months").isEmpty();
  }

  @Test
  void badRowsAreReportedByLineAndFieldAndSkipped() throws IOException {
    List<String> out = run("id,sex,age_days,weight\n1,1,100,5\n2,x,100,5\n\"multi\nline\",1,abc,5\n4,2,100,5\n", 1);
    assertThat(out).hasSize(3);
    String messages = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(messages).contains("line 3: sex: expected 1, 2, m or f, got 'x'");
    assertThat(messages).contains("line 4: age_days: expected a number, got 'abc'");
    assertThat(messages).contains("2 rows scored, 2 rejected");
  }

  // R's read.csv reads "NaN" as a number, and anthro treats it as missing: no weight, so no zwei, zwfl or zbmi.
  @Test
  void notANumberIsMissingAsInR() throws IOException {
    List<String> out = run("sex,age_days,weight,lenhei\n1,400,NaN,75\n", 0);
    String[] row = out.get(1).split(",", -1);
    assertThat(row[4]).isEqualTo("75"); // clenhei
    assertThat(row[7]).isEmpty(); // cbmi
    assertThat(row[8]).isNotEmpty(); // zlen
    assertThat(row[10]).isEmpty(); // zwei
    assertThat(row[12]).isEmpty(); // zwfl
  }

  @Test
  void strictStopsAtTheFirstBadRow() throws IOException {
    List<String> out = run("sex,age_days,weight\n1,100,5\n1,100,heavy\n1,100,5\n", 2, "--strict");
    assertThat(out).hasSize(2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("line 3: weight: expected a number");
  }

  @Test
  void aHeaderWithoutSexIsFatal() throws IOException {
    run("id,age_days\n1,100\n", 2);
    assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("no 'sex' column");
  }

  @Test
  void writesNumbersAsRDoes() {
    ByteSink sink = new ByteSink(64);
    AsciiNumbers.writeHundredths(-50, sink);
    sink.put((byte) ' ');
    AsciiNumbers.writeHundredths(300, sink);
    sink.put((byte) ' ');
    AsciiNumbers.writeSignificant(100 + 0.7, sink);
    sink.put((byte) ' ');
    AsciiNumbers.writeSignificant(20 / ((100 / 100.0) * (100 / 100.0)), sink);
    sink.put((byte) ' ');
    AsciiNumbers.writeSignificant(Double.POSITIVE_INFINITY, sink);
    assertThat(new String(sink.bytes, 0, sink.length, StandardCharsets.US_ASCII)).isEqualTo("-0.5 3 100.7 20 Inf");
  }

  // What R 4.2.2's write.csv prints for these doubles (format.c: 15 significant digits, fixed notation unless
  // scientific is narrower), each checked in R: write.csv(data.frame(x = c(100000, 123456.7, ...))).
  @Test
  void writesDoublesInRsChoiceOfNotation() {
    double[] values = {100000, 123456.7, 0.0001, 1234567890123456.0, 0.1 + 0.2, 1.0 / 3, 100 + 0.7, 2.0 / 3 * 1e-5,
        1e5 + 0.5, 99999.999999999985, 200000, 1e15, 1e-300, Double.MIN_VALUE, 1.5e300, 12345678901234.5,
        0.000123456789012345, 1e-4 * 3, 10000, 20 / (0.01 * 0.01), -0.0001, -123.456, 0.1, 1e22, 1.2345678901234568e17};
    String[] r = {"1e+05", "123456.7", "1e-04", "1234567890123456", "0.3", "0.333333333333333", "100.7",
        "6.66666666666667e-06", "100000.5", "1e+05", "2e+05", "1e+15", "1e-300", "4.94065645841247e-324", "1.5e+300",
        "12345678901234.5", "0.000123456789012345", "3e-04", "10000", "2e+05", "-1e-04", "-123.456", "0.1", "1e+22",
        "123456789012345680"};
    for (int i = 0; i < values.length; i++) {
      ByteSink sink = new ByteSink(4);
      AsciiNumbers.writeSignificant(values[i], sink);
      assertThat(new String(sink.bytes, 0, sink.length, StandardCharsets.US_ASCII)).as("%s", values[i]).isEqualTo(r[i]);
    }
  }
}
