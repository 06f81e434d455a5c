package dev.faultline.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void markupCharactersBecomeEntities() {
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.esc("<a href=\"x\">&'"));
  }

  @Test
  void coordinatesKeepTwoDecimalsAtMost() {
    assertEquals("0", Html.num(0.001));
    assertEquals("12", Html.num(12.0));
    assertEquals("12.5", Html.num(12.499));
    assertEquals("-3.07", Html.num(-3.0711));
    assertEquals("0", Html.num(-0.001));
    assertEquals("0.1", Html.num(0.1));
    assertEquals("0", Html.num(Double.NaN));
  }

  @Test
  void jsonInAScriptElementCannotCloseIt() {
    assertEquals("\"\\u003c/script\\u003e \\\"q\\\"\"", MessageData.str("</script> \"q\""));
  }
}
