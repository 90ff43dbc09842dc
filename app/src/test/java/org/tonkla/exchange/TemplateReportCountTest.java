package org.tonkla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tonkla.exchange.TemplateImports.Problem;
import org.tonkla.exchange.TemplateImports.Report;

/** The results page counts rows with problems, not problems: "read 2 rows … rows with problems 3" cannot be. */
class TemplateReportCountTest {

    @Test
    void aRowWithTwoProblemsCountsOnce() {
        var report = new Report(TemplateKind.CHILDREN, 2, 0, 0, 0, List.of(new Problem(3, "national_id", "13 digits"),
                new Problem(3, "birth_date", "a date"), new Problem(4, "sex", "ช or ญ")));
        assertThat(report.rowsWithProblems()).isEqualTo(2);
    }
}
