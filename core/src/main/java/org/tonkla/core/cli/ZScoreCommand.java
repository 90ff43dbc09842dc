package org.tonkla.core.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tonkla.core.growth.GrowthStandards;

/**
 * {@code tonkla zscore IN.csv OUT.csv [--strict]}: adds WHO z-scores to a CSV file in WHO anthro's input format,
 * with the columns and conventions of WHO anthro's {@code anthro_zscores} (under 60 months) and anthroplus's
 * {@code anthroplus_zscores} (60 to 228 months).
 *
 * <p>{@code -} stands for standard input or output. The file streams through in chunks of whole records: the
 * main thread reads and splits, a pool scores chunks in parallel, and a writer thread writes them back in input
 * order, so memory stays flat however long the file is.
 *
 * <p>A row that cannot be read gets one line on standard error naming its line number, field and what was
 * expected, and is left out of the output; with {@code --strict} the first such row stops the run. A summary line
 * closes every run. Exit status: 0 when every row was scored, 1 when some rows were rejected, 2 when the run
 * could not complete (usage, I/O, header, or {@code --strict}).
 */
public final class ZScoreCommand {

  private static final int CHUNK = 1 << 20;
  private static final byte[] POISON = new byte[0];

  private ZScoreCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.err));
  }

  static int run(String[] args, PrintStream err) {
    String in = null;
    String out = null;
    boolean strict = false;
    for (String arg : args) {
      if (arg.equals("--strict")) {
        strict = true;
      } else if (in == null) {
        in = arg;
      } else if (out == null) {
        out = arg;
      } else {
        in = null;
        break;
      }
    }
    if (in == null || out == null) {
      err.println("usage: tonkla zscore IN.csv OUT.csv [--strict]   ('-' for standard input/output)");
      return 2;
    }
    try (InputStream input = in.equals("-") ? new FileInputStream(FileDescriptor.in) : new FileInputStream(in);
        OutputStream output = out.equals("-") ? new FileOutputStream(FileDescriptor.out) : new FileOutputStream(out)) {
      return new ZScoreCommand.Run(input, output, err, strict).execute();
    } catch (IOException e) {
      err.println("zscore: " + e.getMessage());
      return 2;
    }
  }

  /** One run of the pipeline. */
  private static final class Run {
    private final InputStream input;
    private final OutputStream output;
    private final PrintStream err;
    private final boolean strict;

    private long scored;
    private long rejected;
    // Buffers go round instead of being allocated per chunk: with ~150 MB of garbage per million rows, the
    // young collections that copy the chunks in flight cost tens of milliseconds.
    private final Queue<byte[]> freeInputs = new ConcurrentLinkedQueue<>();
    private final Queue<byte[]> freeOutputs = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private long line = 1; // the header is line 1
    private IOException writeFailure;

    Run(InputStream input, OutputStream output, PrintStream err, boolean strict) {
      this.input = input;
      this.output = output;
      this.err = err;
      this.strict = strict;
    }

    int execute() throws IOException {
      byte[] buf = new byte[CHUNK];
      int length = fill(buf, 0);
      int headerEnd = recordEnd(buf, 0, length);
      while (headerEnd < 0 && length == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
        length = fill(buf, length);
        headerEnd = recordEnd(buf, 0, length);
      }
      if (length == 0) {
        err.println("zscore: the input is empty; expected a header line");
        return 2;
      }
      int headerContentEnd = headerEnd < 0 ? length : headerEnd;
      int afterHeader = headerEnd < 0 ? length : headerEnd + 1;
      if (headerContentEnd > 0 && buf[headerContentEnd - 1] == '\r') {
        headerContentEnd--;
      }
      AnthroColumns columns;
      try {
        columns = AnthroColumns.parse(buf, 0, headerContentEnd);
      } catch (IllegalArgumentException e) {
        err.println("zscore: line 1: " + e.getMessage());
        return 2;
      }
      GrowthStandards standards = GrowthStandards.load();
      output.write(buf, 0, headerContentEnd);
      output.write((',' + AnthroColumns.ADDED + '\n').getBytes(StandardCharsets.US_ASCII));

      int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
      ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
        Thread t = new Thread(r, "zscore-worker");
        t.setDaemon(true);
        return t;
      });
      ThreadLocal<ChunkScorer> scorers = ThreadLocal.withInitial(() -> new ChunkScorer(standards, columns));
      BlockingQueue<Future<ChunkScorer.ScoredChunk>> queue = new ArrayBlockingQueue<>(workers * 2 + 1);
      Future<ChunkScorer.ScoredChunk> end = java.util.concurrent.CompletableFuture.completedFuture(null);
      Thread writer = new Thread(() -> drain(queue, end), "zscore-writer");
      writer.start();
      try {
        // Data starts after the header; carry it to the front of the buffer.
        int carried = length - afterHeader;
        System.arraycopy(buf, afterHeader, buf, 0, carried);
        length = carried;
        boolean eof = false;
        while (!stopped) {
          if (!eof && length < buf.length) {
            int before = length;
            length = fill(buf, length);
            eof = length == before || length < buf.length;
          }
          if (length == 0) {
            break;
          }
          int boundary = eof ? length : lastRecordEnd(buf, length);
          if (boundary < 0) {
            buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than a chunk
            continue;
          }
          byte[] chunk = buf;
          int chunkLength = boundary;
          buf = freeInputs.poll();
          if (buf == null || buf.length < chunk.length) {
            buf = new byte[chunk.length];
          }
          int rest = length - boundary;
          System.arraycopy(chunk, boundary, buf, 0, rest);
          length = rest;
          queue.put(pool.submit(() -> {
            ChunkScorer.ScoredChunk scored = scorers.get().score(chunk, 0, chunkLength, freeOutputs.poll());
            freeInputs.offer(chunk);
            return scored;
          }));
          if (eof && length == 0) {
            break;
          }
        }
        queue.put(end);
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        err.println("zscore: interrupted");
        return 2;
      } finally {
        pool.shutdownNow();
      }
      output.flush();
      if (writeFailure != null) {
        throw writeFailure;
      }
      String summary = "zscore: " + scored + " rows scored, " + rejected + " rejected";
      if (stopped) {
        err.println(summary + "; stopped at the first rejected row (--strict)");
        return 2;
      }
      err.println(summary);
      return rejected > 0 ? 1 : 0;
    }

    /** The writer: takes chunks in input order, writes them, reports their rejected rows. */
    private void drain(BlockingQueue<Future<ChunkScorer.ScoredChunk>> queue, Future<ChunkScorer.ScoredChunk> end) {
      try {
        while (true) {
          Future<ChunkScorer.ScoredChunk> next = queue.take();
          if (next == end) {
            return;
          }
          ChunkScorer.ScoredChunk chunk = next.get();
          if (stopped) {
            continue;
          }
          if (strict && chunk.rejected() > 0) {
            output.write(chunk.output(), 0, chunk.outputBeforeFirstError());
            err.println("zscore: line " + (line + 1 + chunk.errorLines()[0]) + ": " + chunk.errorMessages()[0]);
            scored += countLines(chunk.output(), chunk.outputBeforeFirstError());
            rejected++;
            stopped = true;
            continue;
          }
          output.write(chunk.output(), 0, chunk.outputLength());
          freeOutputs.offer(chunk.output());
          for (int i = 0; i < chunk.errorLines().length; i++) {
            err.println("zscore: line " + (line + 1 + chunk.errorLines()[i]) + ": " + chunk.errorMessages()[i]);
          }
          line += chunk.lines();
          scored += chunk.scored();
          rejected += chunk.rejected();
        }
      } catch (IOException e) {
        writeFailure = e;
        stopped = true;
      } catch (InterruptedException | ExecutionException e) {
        writeFailure = new IOException("scoring failed: " + e, e);
        stopped = true;
      }
    }

    private int fill(byte[] buf, int from) throws IOException {
      int n = from;
      while (n < buf.length) {
        int r = input.read(buf, n, buf.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n;
    }
  }

  private static int countLines(byte[] b, int length) {
    int n = 0;
    for (int i = 0; i < length; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  /** The position of the line feed that ends the first record in {@code b[from, to)}, or -1. */
  static int recordEnd(byte[] b, int from, int to) {
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The end (exclusive, after its line feed) of the last complete record in {@code b[0, length)}, or -1 if there
   * is none. The buffer always starts at a record boundary, so the quote count before a line feed tells whether
   * that line feed is inside a quoted field.
   */
  static int lastRecordEnd(byte[] b, int length) {
    int nl = length - 1;
    while (nl >= 0 && b[nl] != '\n') {
      nl--;
    }
    if (nl < 0) {
      return -1;
    }
    int quotes = 0;
    for (int i = 0; i < nl; i++) {
      quotes += b[i] == '"' ? 1 : 0;
    }
    if ((quotes & 1) == 0) {
      return nl + 1;
    }
    // The last line feed is inside quotes: find the last one outside, scanning forward.
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < length; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        last = i;
      }
    }
    return last < 0 ? -1 : last + 1;
  }
}
