package dev.faultline.checker.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.checker.gen.HistoryText;
import dev.faultline.checker.gen.WideHistories;
import dev.faultline.checker.gen.WideHistorySpec;
import dev.faultline.checker.history.Op;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading keeps a check's time limit: every reader stops once the deadline has passed, within a few
 * hundred entries, and a deadline that has not passed changes nothing. Clocks here are fakes or
 * deadlines far in the past or future: no timing is asserted.
 */
class ReadingDeadlineTest {
  @TempDir Path tmp;

  private static final List<Op> HISTORY = WideHistories.mixed(WideHistorySpec.wide(2_000, 3));

  private static String text(String format) throws IOException {
    StringWriter w = new StringWriter();
    HistoryText.write(HISTORY, format, w);
    return w.toString();
  }

  @Test
  void aDeadlineAlreadyPassedStopsEveryFormatBeforeItsFirstEntry() throws IOException {
    for (String format : HistoryText.FORMATS) {
      Path file = tmp.resolve("h-" + format + ".txt");
      Files.writeString(file, text(format));
      ReadTimedOut e =
          assertThrows(
              ReadTimedOut.class, () -> HistoryFile.read(file, null, System.nanoTime() - 1));
      assertEquals(file.toString(), e.where(), format);
      assertTrue(e.getMessage().startsWith("the time limit ran out while reading"), format);
    }
  }

  @Test
  void aDeadlineThatPassesMidwayStopsTheReaderWithinAFewHundredEntries() throws IOException {
    for (HistoryFormat format :
        List.of(HistoryFormat.EDN, HistoryFormat.JSONL, HistoryFormat.ETCD)) {
      String text = text(format == HistoryFormat.ETCD ? "porcupine" : format.name().toLowerCase());
      // A fake clock that passes the deadline at its sixth reading: the reader must notice then.
      LongSupplier clock = new Counter();
      ReadDeadline deadline = new ReadDeadline(5, clock);
      ReadTimedOut e =
          assertThrows(ReadTimedOut.class, () -> read(text, format, deadline), format.name());
      int line = Integer.parseInt(e.where().substring(e.where().lastIndexOf(':') + 1));
      assertTrue(line > 1 && line < 4_000, format + " stopped at line " + line);
    }
  }

  @Test
  void aDeadlineInTheFutureReadsTheSameHistory() throws IOException {
    for (String format : HistoryText.FORMATS) {
      String text = text(format);
      HistoryFile plain = HistoryFile.parse(text, "h", null);
      HistoryFile timed =
          HistoryFile.parse(text, "h", null, System.nanoTime() + 3_600_000_000_000L);
      assertEquals(plain.ops(), timed.ops(), format);
      assertEquals(HISTORY.size(), plain.ops().size(), format);
    }
  }

  private static Object read(String text, HistoryFormat format, ReadDeadline deadline) {
    return switch (format) {
      case EDN, KV -> EdnReader.read(text, "h", deadline);
      case ETCD -> EtcdLogReader.read(text, "h", deadline);
      case JSONL -> JsonLinesReader.read(text, "h", deadline);
    };
  }

  /** Nanoseconds that advance by one at each reading. */
  private static final class Counter implements LongSupplier {
    private long now;

    @Override
    public long getAsLong() {
      return now++;
    }
  }
}
