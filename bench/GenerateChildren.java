import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes N synthetic children in WHO anthro's input format, for benchmarking {@code tonkla zscore}.
 *
 * <p>Usage: {@code java bench/GenerateChildren.java ROWS OUT.csv [SEED]}. Ages span 0–228 months (75 % under
 * five), measurements follow rough WHO medians with noise, and a few percent of values are missing, measured in
 * the other position, or with oedema, so every branch of the scorer is exercised. Deterministic for a seed.
 */
public class GenerateChildren {
  public static void main(String[] args) throws IOException {
    long rows = Long.parseLong(args[0]);
    SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 42);
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[1]), 1 << 20)) {
      StringBuilder sb = new StringBuilder(256);
      out.write("id,sex,age_days,weight,lenhei,measure,headc,armc,triskin,subskin,oedema\n".getBytes());
      for (long i = 1; i <= rows; i++) {
        sb.setLength(0);
        int sex = random.nextInt(2) + 1;
        int days = random.nextInt(100) < 75 ? random.nextInt(1857) : 1826 + random.nextInt(6940 - 1826);
        double months = days / 30.4375;
        double z = random.nextDouble() * 5 - 2.5;
        double height = months < 60
            ? 50 + 38 * (1 - Math.exp(-months / 14.0)) + months * 0.28 + z * 3
            : 110 + (months - 60) * 0.42 + z * 6;
        double weight = Math.max(1.5, 3.3 + height * height * height / 90000 * (1 + z * 0.05));
        boolean lying = days < 731 ? random.nextInt(100) < 95 : random.nextInt(100) < 5;
        sb.append(i).append(',').append(sex).append(',').append(days).append(',');
        if (random.nextInt(100) < 97) {
          sb.append(String.format(Locale.ROOT, "%.2f", weight));
        }
        sb.append(',');
        if (random.nextInt(100) < 97) {
          sb.append(String.format(Locale.ROOT, "%.1f", height));
        }
        sb.append(',').append(random.nextInt(100) < 3 ? "" : lying ? "l" : "h").append(',');
        if (months < 60) {
          sb.append(String.format(Locale.ROOT, "%.1f", 34 + 14 * (1 - Math.exp(-months / 10.0)) + z));
        }
        sb.append(',');
        if (months >= 3 && months < 60) {
          sb.append(String.format(Locale.ROOT, "%.1f", 13.5 + months * 0.04 + z * 0.9)).append(',')
              .append(String.format(Locale.ROOT, "%.1f", Math.max(2, 9 + z * 1.8))).append(',')
              .append(String.format(Locale.ROOT, "%.1f", Math.max(2, 7 + z * 1.4)));
        } else {
          sb.append(",,");
        }
        sb.append(',').append(random.nextInt(1000) < 5 ? "y" : "n").append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      }
    }
  }
}
