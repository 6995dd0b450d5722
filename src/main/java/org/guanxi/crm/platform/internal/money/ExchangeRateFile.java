package org.guanxi.crm.platform.internal.money;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guanxi.crm.platform.Currencies;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.imports.ImportFile;
import org.jspecify.annotations.Nullable;

/**
 * A file of exchange rates as administrators keep them in a spreadsheet: one rate a line, {@code
 * currency,date,rate} (such as {@code GBP,2026-01-01,9.1234}: one pound is worth 9.1234 of the base
 * currency from that day on), an optional header line; read by the one reader of uploads ({@link
 * ImportFile}: CSV in UTF-8 or GBK, comma, semicolon or tab, or an Excel workbook).
 *
 * <p>It is read whole and checked in the request: a file of rates is small (at most {@link
 * #MAX_LINES} lines, {@link #MAX_BYTES} bytes), and a file with a bad line is refused as a whole,
 * naming every bad line, so that the rates never hold half of a file.
 */
final class ExchangeRateFile {

  static final int MAX_LINES = 10_000;
  static final int MAX_BYTES = 1 << 20;

  /** At most this many bad lines are named; a file with more is mostly something else. */
  static final int MAX_PROBLEMS = 100;

  private static final Pattern DAY = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");

  /** A good line of the file. */
  record Line(int number, String currency, LocalDate validFrom, BigDecimal rate) {}

  /** A bad line: its number (the first line is 1), the cell at fault and the broken rule. */
  record Problem(int line, String field, String code, String message) {}

  /** The file has bad lines; none of it was saved. */
  static class Refused extends RuntimeException {

    private final List<Problem> problems;

    Refused(List<Problem> problems) {
      super(
          "The file has "
              + problems.size()
              + " bad line(s), the first: line "
              + problems.get(0).line()
              + ": "
              + problems.get(0).message());
      this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
      return problems;
    }
  }

  private ExchangeRateFile() {}

  /**
   * The lines of {@code content}, each checked; rates against {@code baseCurrency}.
   *
   * @throws InvalidInput on the field {@code file} when it is not a file of rates at all (empty,
   *     too large, too long)
   * @throws Refused when some lines are bad
   */
  static List<Line> read(byte[] content, String baseCurrency) {
    if (content.length > MAX_BYTES) {
      throw new InvalidInput(
          "file", "rates-file-too-large", "A file of rates has at most " + MAX_BYTES + " bytes");
    }
    List<ImportFile.Row> rows = new ArrayList<>();
    ImportFile.of(content)
        .read(
            row -> {
              if (rows.size() > MAX_LINES) {
                throw new InvalidInput(
                    "file",
                    "too-many-lines",
                    "A file of rates has at most " + MAX_LINES + " lines");
              }
              rows.add(row);
            });
    List<Line> lines = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < rows.size() && problems.size() < MAX_PROBLEMS; i++) {
      List<String> cells = rows.get(i).cells().stream().map(String::strip).toList();
      if (i == 0 && isHeader(cells)) {
        continue;
      }
      int number = rows.get(i).number();
      Line line = line(number, cells, baseCurrency, problems);
      if (line == null) {
        continue;
      }
      String key = line.currency() + " " + line.validFrom();
      Integer earlier = seen.putIfAbsent(key, number);
      if (earlier != null) {
        problems.add(
            new Problem(
                number,
                "date",
                "duplicate-line",
                "Line " + earlier + " has a rate of the same currency and day"));
      } else {
        lines.add(line);
      }
    }
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    if (lines.isEmpty()) {
      throw new InvalidInput("file", "empty-file", "The file holds no rates");
    }
    return lines;
  }

  private static @Nullable Line line(
      int number, List<String> cells, String baseCurrency, List<Problem> problems) {
    if (cells.size() < 3) {
      problems.add(
          new Problem(
              number, "rate", "missing-cells", "A line holds a currency, a date and a rate"));
      return null;
    }
    int before = problems.size();
    String currency = cells.get(0).toUpperCase(Locale.ROOT);
    if (!Currencies.isKnown(currency)) {
      problems.add(
          new Problem(
              number, "currency", "unknown-currency", "Not an ISO 4217 code such as GBP or USD"));
    } else if (currency.equals(baseCurrency)) {
      problems.add(
          new Problem(
              number,
              "currency",
              "same-as-base",
              currency + " is the base currency: its rate is always 1"));
    }
    LocalDate day = day(cells.get(1));
    if (day == null) {
      problems.add(new Problem(number, "date", "invalid-date", "A date such as 2026-01-31"));
    }
    BigDecimal rate = number(cells.get(2));
    if (rate == null) {
      problems.add(new Problem(number, "rate", "invalid-rate", "A number such as 9.1234"));
    } else if (rate.signum() <= 0) {
      problems.add(new Problem(number, "rate", "decimalmin", "A rate is more than zero"));
    } else if (rate.scale() > 10 || rate.precision() - rate.scale() > 9) {
      problems.add(
          new Problem(number, "rate", "digits", "At most 9 digits before the point and 10 after"));
    }
    return problems.size() > before || day == null || rate == null
        ? null
        : new Line(number, currency, day, rate);
  }

  /** A header names its cells: neither its date nor its rate is one. */
  private static boolean isHeader(List<String> cells) {
    return cells.size() < 3 || (day(cells.get(1)) == null && number(cells.get(2)) == null);
  }

  private static @Nullable LocalDate day(String text) {
    Matcher matcher = DAY.matcher(text.strip());
    if (!matcher.matches()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(matcher.group(1)),
          Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static @Nullable BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
