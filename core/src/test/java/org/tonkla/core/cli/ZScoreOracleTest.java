package org.tonkla.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tonkla zscore} against the WHO's own R code: for 1,899 synthetic children the expected output (every
 * z-score, flag, {@code clenhei}, {@code cmeasure} and {@code cbmi}) was computed with WHO anthro's {@code
 * anthro_zscores} and anthroplus's {@code anthroplus_zscores} and written by R's {@code write.csv}; see {@code
 * oracle/PROVENANCE.md}. The command must reproduce those files byte for byte.
 */
class ZScoreOracleTest {

  private static final int INPUT_COLUMNS = 11; // id, sex, age, weight, lenhei, measure, headc, armc, triskin, subskin, oedema

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"anthro_oracle_age_days.csv", "anthro_oracle_age_months.csv"})
  void reproducesWhoAnthroAndAnthroplusExactly(String fixture) throws IOException {
    List<String> expected = lines(fixture);
    List<String> input = new ArrayList<>();
    for (String line : expected) {
      input.add(String.join(",", List.of(line.split(",", -1)).subList(0, INPUT_COLUMNS)));
    }
    Path in = dir.resolve("in.csv");
    Path out = dir.resolve("out.csv");
    Files.write(in, input);
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int exit = ZScoreCommand.run(new String[] {in.toString(), out.toString()}, new PrintStream(errBytes, true));
    assertThat(exit).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();

    List<String> actual = Files.readAllLines(out);
    assertThat(actual).hasSameSizeAs(expected);
    String[] header = expected.get(0).split(",", -1);
    for (int i = 0; i < expected.size(); i++) {
      if (!actual.get(i).equals(expected.get(i))) {
        String[] want = expected.get(i).split(",", -1);
        String[] got = actual.get(i).split(",", -1);
        for (int c = 0; c < Math.max(want.length, got.length); c++) {
          String w = c < want.length ? want[c] : "<none>";
          String g = c < got.length ? got[c] : "<none>";
          if (!w.equals(g)) {
            fail("%s line %d (%s): %s is '%s', WHO R code gives '%s'", fixture, i + 1, want[0],
                c < header.length ? header[c] : "column " + (c + 1), g, w);
          }
        }
      }
    }
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = ZScoreOracleTest.class.getResourceAsStream("oracle/" + resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
