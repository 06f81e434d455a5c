package dev.faultline.scenarios.cli.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faultline.scenarios.cli.ExitCodes;
import dev.faultline.scenarios.cli.Faultline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenHistoryCommandTest {
  @TempDir Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Faultline.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aGeneratedHistoryIsWrittenTheSameTwiceAndChecksLinearizable() throws IOException {
    Path a = tmp.resolve("a.edn");
    Path b = tmp.resolve("b.edn");
    assertEquals(
        ExitCodes.OK, run("gen-history", "--entries", "2000", "--out", a.toString()).code());
    assertEquals(ExitCodes.OK, run("gen-history", "--entries", "2000", "-o", b.toString()).code());
    assertEquals(Files.readString(a), Files.readString(b));
    assertEquals(2000, Files.readAllLines(a).size());
    Run check = run("check", a.toString());
    assertEquals(ExitCodes.OK, check.code(), check.out() + check.err());
  }

  @Test
  void aPlantedViolationChecksNotLinearizableInEveryFormat() {
    for (String format : new String[] {"edn", "jsonl", "porcupine"}) {
      Path f = tmp.resolve("v." + (format.equals("porcupine") ? "log" : format));
      Run gen =
          run(
              "gen-history",
              "--entries",
              "3000",
              "--violation",
              "--format",
              format,
              "--out",
              f.toString());
      assertEquals(ExitCodes.OK, gen.code(), gen.err());
      Run check = run("check", f.toString());
      assertEquals(ExitCodes.FAILED, check.code(), format + ": " + check.out() + check.err());
    }
    Path w = tmp.resolve("w.edn");
    run("gen-history", "--shape", "concurrent-writes", "--violation", "--out", w.toString());
    assertEquals(ExitCodes.FAILED, run("check", w.toString()).code());
  }

  @Test
  void badOptionsAreRefusedWithOneSentenceAndExitTwo() {
    Path f = tmp.resolve("x.edn");
    for (String[] args :
        new String[][] {
          {"gen-history", "--processes", "0", "--out", f.toString()},
          {"gen-history", "--format", "xml", "--out", f.toString()},
          {"gen-history", "--shape", "star", "--out", f.toString()},
          {"gen-history", "--reads", "80", "--writes", "40", "--out", f.toString()},
          {"gen-history", "--out", tmp.resolve("no/such/dir/x.edn").toString()},
        }) {
      Run r = run(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args));
      assertTrue(r.err().startsWith("error: "), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }
}
