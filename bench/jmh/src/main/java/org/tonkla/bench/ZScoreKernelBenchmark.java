package org.tonkla.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.tonkla.core.growth.GrowthStandards;
import org.tonkla.core.growth.Indicator;
import org.tonkla.core.growth.ScoreSheet;

/**
 * The scoring kernel alone, on one thread: every WHO indicator for a child whose values are already parsed.
 * Throughput is reported in rows per second (one operation = one child).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ZScoreKernelBenchmark {

  static final int ROWS = 4096;

  final int[] sex = new int[ROWS];
  final double[] days = new double[ROWS];
  final double[] weight = new double[ROWS];
  final double[] lenhei = new double[ROWS];
  final char[] measure = new char[ROWS];
  final double[] headc = new double[ROWS];
  final double[] armc = new double[ROWS];
  final double[] triskin = new double[ROWS];
  final double[] subskin = new double[ROWS];
  final boolean[] oedema = new boolean[ROWS];
  GrowthStandards standards;
  final ScoreSheet sheet = new ScoreSheet();

  /** The same distribution as bench/GenerateChildren.java: 75 % under five, a few values missing. */
  @Setup
  public void setUp() {
    standards = GrowthStandards.load();
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < ROWS; i++) {
      sex[i] = random.nextInt(2) + 1;
      days[i] = random.nextInt(100) < 75 ? random.nextInt(1857) : 1826 + random.nextInt(6940 - 1826);
      double months = days[i] / 30.4375;
      double z = random.nextDouble() * 5 - 2.5;
      lenhei[i] = months < 60 ? 50 + 38 * (1 - Math.exp(-months / 14.0)) + months * 0.28 + z * 3
          : 110 + (months - 60) * 0.42 + z * 6;
      weight[i] = Math.max(1.5, 3.3 + lenhei[i] * lenhei[i] * lenhei[i] / 90000 * (1 + z * 0.05));
      measure[i] = days[i] < 731 ? 'l' : 'h';
      headc[i] = months < 60 ? 34 + 14 * (1 - Math.exp(-months / 10.0)) + z : Double.NaN;
      boolean arm = months >= 3 && months < 60;
      armc[i] = arm ? 13.5 + months * 0.04 + z * 0.9 : Double.NaN;
      triskin[i] = arm ? Math.max(2, 9 + z * 1.8) : Double.NaN;
      subskin[i] = arm ? Math.max(2, 7 + z * 1.4) : Double.NaN;
      oedema[i] = random.nextInt(1000) < 5;
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double scoreRows() {
    double sum = 0;
    for (int i = 0; i < ROWS; i++) {
      double d = days[i];
      standards.score(sex[i], d, d / 30.4375, weight[i], lenhei[i], measure[i], headc[i], armc[i], triskin[i],
          subskin[i], oedema[i], sheet);
      sum += sheet.z(Indicator.WEIGHT_FOR_AGE) + sheet.z(Indicator.BMI_FOR_AGE_2007);
    }
    return sum;
  }
}
