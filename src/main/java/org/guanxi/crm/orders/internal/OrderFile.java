package org.guanxi.crm.orders.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.guanxi.crm.platform.CellLimit;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An uploaded file of order lines: CSV (comma, semicolon or tab, whichever the header has most of)
 * in UTF-8 with or without a byte order mark, UTF-16 with one, or GBK (GB 18030) as a Chinese Excel
 * saves it, gzip-compressed or not; or an Excel workbook (.xlsx), its first sheet. Read as a
 * stream, so that a file of millions of lines is never held in memory (a workbook's sheet is read
 * by SAX, only its shared strings are held): its lines are handed over a batch at a time, as
 * compact CSV text that starts each line with its number in the file (the header is line 1; blank
 * lines are left out).
 *
 * <p>The cells of a workbook come out as text that {@link OrderLineRules} reads whatever their
 * display format: dates as {@code 2024-03-01} or {@code 2024-03-01 14:30:00}, numbers without
 * grouping and without the noise of binary fractions ({@code 2.55}, never {@code 2.5499999}),
 * percentages as {@code 10%}.
 */
final class OrderFile {

  /** Opens the upload, as many times as it is read. */
  interface Source {
    InputStream open() throws IOException;
  }

  /** Receives what is read: the header first, then the lines a batch at a time. */
  interface Reading {
    void header(List<String> headers);

    void batch(int number, int lines, String text);
  }

  /** What the file held. */
  record Summary(List<String> headers, int lines, int batches) {}

  /** A line of a batch: its number in the file and its cells. */
  record Line(int number, List<String> cells) {}

  /** How a file is written: CSV text in a character set, or an Excel workbook. */
  sealed interface Format permits Csv, Workbook {}

  /** CSV text in {@code charset}. */
  record Csv(Charset charset) implements Format {}

  /** An Excel workbook (.xlsx): its first sheet is read. */
  record Workbook() implements Format {}

  /** The text is not in the character set it was read in. */
  static final class WrongEncoding extends RuntimeException {
    WrongEncoding(Throwable cause) {
      super(cause);
    }
  }

  static final Charset GBK = Charset.forName("GB18030");
  private static final int HEAD = 1 << 16;
  private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final byte[] UTF16LE_BOM = {(byte) 0xff, (byte) 0xfe};
  private static final byte[] UTF16BE_BOM = {(byte) 0xfe, (byte) 0xff};
  private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

  private OrderFile() {}

  /**
   * A workbook when the file is a ZIP archive (as .xlsx files are); else CSV in the character set
   * the file says it is in (a byte order mark), else UTF-8 when its beginning is UTF-8, else GBK.
   * Old binary Excel files (.xls, and workbooks protected by a password) are refused here.
   */
  static Format format(Source source) {
    try (InputStream in = decompressed(source.open())) {
      byte[] head = in.readNBytes(HEAD);
      if (head.length == 0) {
        throw CsvRecords.refused("empty-file", "The file is empty.");
      }
      if (startsWith(head, ZIP)) {
        return new Workbook();
      }
      if (startsWith(head, OLE2)) {
        throw CsvRecords.refused(
            "old-excel-format",
            "Old Excel workbooks (.xls) and workbooks protected by a password cannot be read: "
                + "save the sheet as .xlsx without a password, or as CSV (UTF-8).");
      }
      if (startsWith(head, UTF8_BOM)) {
        return new Csv(StandardCharsets.UTF_8);
      }
      if (startsWith(head, UTF16LE_BOM)) {
        return new Csv(StandardCharsets.UTF_16LE);
      }
      if (startsWith(head, UTF16BE_BOM)) {
        return new Csv(StandardCharsets.UTF_16BE);
      }
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      boolean whole = head.length < HEAD;
      boolean isUtf8 =
          !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), whole).isError();
      return new Csv(isUtf8 ? StandardCharsets.UTF_8 : GBK);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Reads the file as {@code format} says: the header (blank and repeated column names named
   * apart), then every line that is not blank, {@code linesPerBatch} to a batch. Throws {@link
   * WrongEncoding} when CSV text turns out not to be in its character set.
   */
  static Summary read(Source source, Format format, int linesPerBatch, Reading reading) {
    Batches batches = new Batches(linesPerBatch, reading);
    if (format instanceof Csv csv) {
      readCsv(source, csv.charset(), batches);
    } else {
      readWorkbook(source, batches);
    }
    return batches.finish();
  }

  private static void readCsv(Source source, Charset charset, Batches batches) {
    try (InputStream in = decompressed(source.open())) {
      skipByteOrderMark(in, charset);
      CharsetDecoder decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      BufferedReader text = new BufferedReader(new InputStreamReader(in, decoder), HEAD);
      CsvRecords records = new CsvRecords(text, delimiter(text));
      List<String> cells;
      while ((cells = records.next()) != null) {
        batches.row(records.number(), cells);
      }
    } catch (CharacterCodingException e) {
      throw new WrongEncoding(e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * The first sheet of a workbook, row by row. The upload is copied to a temporary file first, so
   * that the workbook is opened where it lies rather than unpacked into memory.
   */
  private static void readWorkbook(Source source, Batches batches) {
    Path copy = copied(source);
    try {
      OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ);
      try {
        XSSFReader reader = new XSSFReader(workbook);
        boolean date1904 = usesDate1904(reader);
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
          throw CsvRecords.refused("no-sheet", "The workbook has no sheet.");
        }
        try (InputStream sheet = sheets.next()) {
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(
              new XSSFSheetXMLHandler(
                  reader.getStylesTable(),
                  new ReadOnlySharedStringsTable(workbook),
                  new SheetRows(batches),
                  new CellText(date1904),
                  false));
          parser.parse(new InputSource(sheet));
        }
      } finally {
        workbook.revert();
      }
    } catch (ReadingFailed e) {
      throw e.reason();
    } catch (InvalidInput e) {
      throw e;
    } catch (Exception e) {
      // POI reports a damaged workbook with many kinds of exceptions, checked and unchecked
      throw CsvRecords.refused(
          "unreadable-xlsx",
          "The file looks like an Excel workbook (.xlsx) but cannot be opened: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException e) {
        copy.toFile().deleteOnExit();
      }
    }
  }

  /** The upload, unpacked when gzip-compressed, in a temporary file. */
  private static Path copied(Source source) {
    Path copy;
    try {
      copy = Files.createTempFile("guanxi-order-import-", ".xlsx");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = decompressed(source.open())) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return copy;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw unreadable(e);
    }
  }

  /** Whether the workbook counts its dates from 1904 (old Excel for Mac) rather than 1900. */
  private static boolean usesDate1904(XSSFReader reader) throws Exception {
    boolean[] date1904 = {false};
    try (InputStream workbook = reader.getWorkbookData()) {
      XMLReader parser = XMLHelper.newXMLReader();
      parser.setContentHandler(
          new DefaultHandler() {
            @Override
            public void startElement(
                String uri, String localName, String qName, Attributes attributes) {
              if ("workbookPr".equals(localName)) {
                String value = attributes.getValue("date1904");
                date1904[0] = "1".equals(value) || "true".equals(value);
              }
            }
          });
      parser.parse(new InputSource(workbook));
    }
    return date1904[0];
  }

  /** The lines of a batch as {@link #read} handed it over. */
  static List<Line> lines(String batch) {
    List<Line> lines = new ArrayList<>();
    CsvRecords records = CsvRecords.stored(new StringReader(batch));
    try {
      List<String> cells;
      while ((cells = records.next()) != null) {
        lines.add(new Line(Integer.parseInt(cells.get(0)), cells.subList(1, cells.size())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /**
   * Blank headers are named by their position, repeated ones numbered, so that every column has its
   * own name.
   */
  static List<String> uniqueHeaders(List<String> cells) {
    List<String> headers = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String header = cells.get(i).strip();
      if (header.isEmpty()) {
        header = "#" + (i + 1);
      }
      int count = seen.merge(header, 1, Integer::sum);
      headers.add(count == 1 ? header : header + " (" + count + ")");
    }
    return headers;
  }

  /**
   * The rows of a file, CSV or workbook, made into the header and batches of numbered lines; blank
   * rows are left out.
   */
  private static final class Batches {

    private final int linesPerBatch;
    private final Reading reading;
    private final StringBuilder batch;
    private final List<String> numbered = new ArrayList<>();
    private @Nullable List<String> headers;
    private int lines;
    private int inBatch;
    private int batches;

    Batches(int linesPerBatch, Reading reading) {
      this.linesPerBatch = linesPerBatch;
      this.reading = reading;
      this.batch = new StringBuilder(linesPerBatch * 100);
    }

    void row(int number, List<String> cells) {
      if (isBlank(cells)) {
        return;
      }
      if (headers == null) {
        headers = uniqueHeaders(cells);
        reading.header(headers);
        return;
      }
      numbered.clear();
      numbered.add(Integer.toString(number));
      numbered.addAll(cells);
      CsvRecords.write(batch, numbered);
      lines++;
      if (++inBatch == linesPerBatch) {
        reading.batch(batches++, inBatch, batch.toString());
        batch.setLength(0);
        inBatch = 0;
      }
    }

    Summary finish() {
      if (inBatch > 0) {
        reading.batch(batches++, inBatch, batch.toString());
        batch.setLength(0);
        inBatch = 0;
      }
      if (headers == null || lines == 0) {
        throw CsvRecords.refused("no-lines", "The file has no order lines below its header line.");
      }
      return new Summary(headers, lines, batches);
    }
  }

  /**
   * Collects the cells of each sheet row for {@link Batches}; empty cells are not reported by the
   * sheet, so their places are filled in. Control characters, which a CSV line may not hold, become
   * spaces.
   */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Batches batches;
    private final List<String> cells = new ArrayList<>();
    private int row;

    SheetRows(Batches batches) {
      this.batches = batches;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
      row = rowNum + 1;
    }

    @Override
    public void endRow(int rowNum) {
      try {
        batches.row(rowNum + 1, cells);
      } catch (RuntimeException e) {
        throw new ReadingFailed(e);
      }
    }

    @Override
    public void cell(
        @Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (column >= CsvRecords.MAX_COLUMNS) {
        throw new ReadingFailed(
            CsvRecords.refused(
                "too-many-columns",
                "The sheet has more than " + CsvRecords.MAX_COLUMNS + " columns."));
      }
      if (value != null && value.length() > CellLimit.MAX_CHARACTERS) {
        throw new ReadingFailed(CellLimit.cellExceeded(row));
      }
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value == null ? "" : withoutControlCharacters(value));
    }
  }

  /** What the receiver of the rows threw, passed through rather than taken for a damaged file. */
  private static final class ReadingFailed extends RuntimeException {

    ReadingFailed(RuntimeException reason) {
      super(reason);
    }

    RuntimeException reason() {
      return (RuntimeException) getCause();
    }
  }

  /**
   * The text of a number cell as {@link OrderLineRules} reads it, whatever the cell's display
   * format: a date as {@code 2024-03-01} (or {@code 2024-03-01 14:30:00} when it has a time of
   * day), a percentage as {@code 12.5%}, a number plainly, rounded to the 15 significant digits
   * Excel shows ({@code 1234.5}, not {@code 1,234.50}; {@code 2.55}, not {@code
   * 2.5499999999999998}); digits padded with zeros as the format pads them ({@code 00123}).
   */
  static final class CellText extends DataFormatter {

    private static final DateTimeFormatter DATE_TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private final boolean date1904;

    CellText(boolean date1904) {
      this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(
        double value, int formatIndex, @Nullable String formatString, boolean use1904Windowing) {
      String format = formatString == null ? "General" : formatString;
      if (DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime time = DateUtil.getLocalDateTime(value, date1904, true);
        if (value < 1) {
          return time.toLocalTime().format(TIME);
        }
        return time.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? time.toLocalDate().toString()
            : time.format(DATE_TIME);
      }
      String literal = format.replaceAll("\"[^\"]*\"|\\\\.", "");
      if (literal.indexOf('%') >= 0) {
        return plain(value * 100) + "%";
      }
      String number = plain(value);
      if (literal.matches("0{2,}")
          && number.matches("\\d+")
          && number.length() < literal.length()) {
        return "0".repeat(literal.length() - number.length()) + number;
      }
      return number;
    }

    static String plain(double value) {
      BigDecimal rounded = new BigDecimal(value).round(EXCEL_DIGITS).stripTrailingZeros();
      return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
  }

  private static String withoutControlCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        StringBuilder clean = new StringBuilder(value);
        for (int j = i; j < clean.length(); j++) {
          char d = clean.charAt(j);
          if (d < 0x20 && d != '\t' && d != '\n' && d != '\r') {
            clean.setCharAt(j, ' ');
          }
        }
        return clean.toString();
      }
    }
    return value;
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, HEAD);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, HEAD), HEAD);
    }
    return in;
  }

  private static void skipByteOrderMark(InputStream in, Charset charset) throws IOException {
    byte[] mark =
        charset.equals(StandardCharsets.UTF_8)
            ? UTF8_BOM
            : charset.equals(StandardCharsets.UTF_16LE)
                ? UTF16LE_BOM
                : charset.equals(StandardCharsets.UTF_16BE) ? UTF16BE_BOM : new byte[0];
    in.mark(mark.length);
    byte[] start = in.readNBytes(mark.length);
    if (!Arrays.equals(start, mark)) {
      in.reset();
    }
  }

  /** Comma, semicolon or tab: whichever the first line has most of. */
  private static char delimiter(BufferedReader text) throws IOException {
    text.mark(HEAD);
    char[] head = new char[HEAD];
    int length = 0;
    int read;
    while (length < HEAD && (read = text.read(head, length, HEAD - length)) > 0) {
      length += read;
    }
    text.reset();
    int end = 0;
    while (end < length && head[end] != '\n') {
      end++;
    }
    char best = ',';
    int most = 0;
    for (char candidate : new char[] {',', ';', '\t'}) {
      int count = 0;
      for (int i = 0; i < end; i++) {
        if (head[i] == candidate) {
          count++;
        }
      }
      if (count > most) {
        best = candidate;
        most = count;
      }
    }
    return best;
  }

  private static boolean isBlank(List<String> cells) {
    for (String cell : cells) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static RuntimeException unreadable(IOException e) {
    if (e instanceof ZipException || e instanceof EOFException) {
      return CsvRecords.refused(
          "unreadable-gzip", "The file looks gzip-compressed but cannot be unpacked.");
    }
    return new UncheckedIOException(e);
  }
}
