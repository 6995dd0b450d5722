package org.guanxi.crm.platform.imports;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
 * An uploaded table, the one reader of every import: CSV (comma, semicolon or tab, whichever the
 * header line has most of) in UTF-8 with or without a byte order mark, UTF-16 with one, or GBK (GB
 * 18030) as a Chinese Excel saves it, gzip-compressed or not; or an Excel workbook (.xlsx), its
 * first sheet. CSV is read by commons-csv, a workbook by POI's streaming (SAX) reader from a
 * temporary copy, so that a file of millions of rows is never held in memory: rows are handed over
 * one at a time.
 *
 * <p>What cannot be read is refused as {@link InvalidInput} on the field {@code file} with a stable
 * code ({@code empty-file}, {@code old-excel-format}, {@code unknown-encoding}, {@code
 * not-a-table}, {@code malformed-csv}, {@code too-many-columns}, {@code unreadable-xlsx}, {@code
 * unreadable-gzip}, {@code no-sheet}, and {@link CellLimit#CODE} as soon as a cell or row grows
 * beyond {@link CellLimit}); what the receiver of the rows throws passes through unchanged.
 *
 * <p>The cells of a workbook come out as text that imports read whatever their display format:
 * dates as {@code 2024-03-01} or {@code 2024-03-01 14:30:00}, numbers without grouping and without
 * the noise of binary fractions ({@code 2.55}, never {@code 2.5499999}), percentages as {@code
 * 10%}, control characters as spaces.
 */
public final class ImportFile {

  /** Opens the upload, as many times as it is read. */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;

    /** An upload held in memory. */
    static Source of(byte[] content) {
      return () -> new ByteArrayInputStream(content);
    }
  }

  /** How a file is written: CSV text in a character set, or an Excel workbook. */
  public sealed interface Format permits Csv, Workbook {

    /** {@code CSV} or {@code XLSX}, as imports store and show it. */
    String name();
  }

  /** CSV text in {@code charset}. */
  public record Csv(Charset charset) implements Format {
    @Override
    public String name() {
      return "CSV";
    }
  }

  /** An Excel workbook (.xlsx): its first sheet is read. */
  public record Workbook() implements Format {
    @Override
    public String name() {
      return "XLSX";
    }
  }

  /** A row as the spreadsheet numbers it (the header is row 1), its cells as text. */
  public record Row(int number, List<String> cells) {

    public Row {
      cells = List.copyOf(cells);
    }

    public boolean isBlank() {
      return ImportFile.isBlank(cells);
    }

    /** The cell at {@code position}, empty when the row is shorter or there is no column. */
    public String cell(int position) {
      return position >= 0 && position < cells.size() ? cells.get(position) : "";
    }
  }

  /** The most columns a table may have. */
  public static final int MAX_COLUMNS = 200;

  /** GB 18030, the superset of GBK that a Chinese Excel writes. */
  public static final Charset GBK = Charset.forName("GB18030");

  private static final int BUFFER = 1 << 16;
  private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final byte[] UTF16LE_BOM = {(byte) 0xff, (byte) 0xfe};
  private static final byte[] UTF16BE_BOM = {(byte) 0xfe, (byte) 0xff};
  private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};

  private final Source source;
  private final Format format;

  private ImportFile(Source source, Format format) {
    this.source = source;
    this.format = format;
  }

  /** An upload held in memory, its format found. */
  public static ImportFile of(byte[] content) {
    return open(Source.of(content));
  }

  /**
   * The upload, its format found: a workbook when the file is a ZIP archive (as .xlsx files are);
   * else CSV in the character set its byte order mark names, else UTF-8 when all of it is UTF-8,
   * else GBK when all of it is GBK. Old binary Excel files (.xls, and workbooks protected by a
   * password) and text in no such character set are refused here, before a row is read.
   */
  public static ImportFile open(Source source) {
    return new ImportFile(source, format(source));
  }

  /** An upload whose format was found before (an import that runs again). */
  public static ImportFile open(Source source, Format format) {
    return new ImportFile(source, format);
  }

  public Format format() {
    return format;
  }

  /** Hands every row that is not blank to {@code rows}, the header row first, one at a time. */
  public void read(Consumer<Row> rows) {
    if (format instanceof Csv csv) {
      readCsv(csv.charset(), rows);
    } else {
      readWorkbook(rows);
    }
  }

  /**
   * Blank headers are named by their position, repeated ones numbered, so that every column has its
   * own name.
   */
  public static List<String> uniqueHeaders(List<String> cells) {
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

  private static Format format(Source source) {
    byte[] head;
    try (InputStream in = decompressed(source.open())) {
      head = in.readNBytes(BUFFER);
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (head.length == 0) {
      throw refused("empty-file", "The file is empty.");
    }
    if (startsWith(head, ZIP)) {
      return new Workbook();
    }
    if (startsWith(head, OLE2)) {
      throw refused(
          "old-excel-format",
          "Old Excel workbooks (.xls) and workbooks protected by a password cannot be read: "
              + "save the sheet as .xlsx without a password, or as CSV (UTF-8).");
    }
    if (startsWith(head, UTF8_BOM)) {
      return checked(source, StandardCharsets.UTF_8);
    }
    if (startsWith(head, UTF16LE_BOM)) {
      return checked(source, StandardCharsets.UTF_16LE);
    }
    if (startsWith(head, UTF16BE_BOM)) {
      return checked(source, StandardCharsets.UTF_16BE);
    }
    if (isAll(source, StandardCharsets.UTF_8)) {
      return new Csv(StandardCharsets.UTF_8);
    }
    if (isAll(source, GBK)) {
      return new Csv(GBK);
    }
    throw refused(
        "unknown-encoding",
        "The file is neither UTF-8 nor GBK text: save it as \"CSV UTF-8\" or as .xlsx.");
  }

  private static Format checked(Source source, Charset charset) {
    if (!isAll(source, charset)) {
      throw refused("unknown-encoding", "The file says it is " + charset.name() + " but is not.");
    }
    return new Csv(charset);
  }

  /** Whether the whole file decodes in {@code charset}: one pass that keeps nothing. */
  private static boolean isAll(Source source, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    CharBuffer chars = CharBuffer.allocate(BUFFER);
    try (InputStream in = decompressed(source.open())) {
      byte[] chunk = new byte[BUFFER];
      while (true) {
        int read = in.read(chunk, 0, bytes.remaining());
        boolean end = read < 0;
        if (!end) {
          bytes.put(chunk, 0, read);
        }
        bytes.flip();
        CoderResult result;
        do {
          chars.clear();
          result = decoder.decode(bytes, chars, end);
          if (result.isError()) {
            return false;
          }
        } while (result.isOverflow());
        bytes.compact();
        if (end) {
          chars.clear();
          return !decoder.flush(chars).isError();
        }
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private void readCsv(Charset charset, Consumer<Row> rows) {
    long number = 0;
    try (InputStream in = decompressed(source.open())) {
      skipByteOrderMark(in, charset);
      RowLimit text =
          new RowLimit(
              new InputStreamReader(
                  in,
                  charset
                      .newDecoder()
                      .onMalformedInput(CodingErrorAction.REPORT)
                      .onUnmappableCharacter(CodingErrorAction.REPORT)));
      CSVFormat dialect =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(text.delimiter())
              .setIgnoreEmptyLines(false)
              .get();
      try (CSVParser parser = CSVParser.parse(text, dialect)) {
        Iterator<CSVRecord> records = parser.iterator();
        while (records.hasNext()) {
          CSVRecord record = records.next();
          number = record.getRecordNumber();
          text.rowRead(number);
          if (record.size() > MAX_COLUMNS) {
            throw refused(
                "too-many-columns",
                "Row " + number + " has more than " + MAX_COLUMNS + " columns.");
          }
          List<String> cells = record.toList();
          for (String cell : cells) {
            if (cell.length() > CellLimit.MAX_CHARACTERS) {
              throw CellLimit.cellExceeded(number);
            }
            if (hasControlCharacter(cell)) {
              throw refused(
                  "not-a-table", "This is not a CSV or Excel (.xlsx) file (row " + number + ").");
            }
          }
          if (!isBlank(cells)) {
            handOver(new Row((int) number, cells), rows);
          }
        }
      }
    } catch (ReadingFailed e) {
      throw e.reason();
    } catch (InvalidInput e) {
      throw e;
    } catch (CharacterCodingException e) {
      throw wrongEncoding(charset, number);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw wrongEncoding(charset, number);
      }
      throw malformed(number, e);
    } catch (ZipException | EOFException e) {
      throw unreadable(e);
    } catch (IOException | IllegalStateException e) {
      throw malformed(number, e);
    }
  }

  private static InvalidInput wrongEncoding(Charset charset, long row) {
    return refused(
        "unknown-encoding", "The file is not " + charset.name() + " text after row " + row + ".");
  }

  private static InvalidInput malformed(long row, Exception e) {
    return refused(
        "malformed-csv",
        "The CSV file is broken after row "
            + row
            + " (often a quotation mark that is never closed): "
            + e.getMessage());
  }

  /**
   * The first sheet of a workbook, row by row. The upload is copied to a temporary file first, so
   * that the workbook is opened where it lies rather than unpacked into memory.
   */
  private void readWorkbook(Consumer<Row> rows) {
    Path copy = copied();
    try {
      OPCPackage workbook = OPCPackage.open(copy.toFile(), PackageAccess.READ);
      try {
        XSSFReader reader = new XSSFReader(workbook);
        boolean date1904 = usesDate1904(reader);
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
          throw refused("no-sheet", "The workbook has no sheet.");
        }
        try (InputStream sheet = sheets.next()) {
          XMLReader parser = XMLHelper.newXMLReader();
          parser.setContentHandler(
              new XSSFSheetXMLHandler(
                  reader.getStylesTable(),
                  new ReadOnlySharedStringsTable(workbook),
                  new SheetRows(rows),
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
      throw refused(
          "unreadable-xlsx",
          "The file looks like an Excel workbook but cannot be opened (save it again as .xlsx): "
              + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(copy);
      } catch (IOException e) {
        copy.toFile().deleteOnExit();
      }
    }
  }

  /** The upload, unpacked when gzip-compressed, in a temporary file. */
  private Path copied() {
    Path copy;
    try {
      copy = Files.createTempFile("guanxi-import-", ".xlsx");
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

  /**
   * The text of a CSV file, refusing a cell that grows beyond {@link CellLimit#MAX_CHARACTERS} and
   * a row that runs on beyond {@link CellLimit#MAX_ROW_CHARACTERS} as soon as the parser reads
   * them: commons-csv has no limit of its own and reads a row whole before it hands it over, so a
   * file with one cell of 40 MB (or a quotation mark never closed) would be read to its end first.
   * A cell is counted as the characters since the last delimiter or line break (a quoted cell that
   * holds them counts in parts, which only ever counts less); a row as what the parser read after
   * the last row was handed over, which is the next row and at most one buffer of read-ahead.
   */
  private static final class RowLimit extends FilterReader {

    private long read;
    private long rowsRead;
    private long cell;
    private char delimiter = ',';

    RowLimit(Reader text) {
      super(new BufferedReader(text, BUFFER));
    }

    /** Comma, semicolon or tab: whichever the first line has most of. */
    char delimiter() throws IOException {
      in.mark(BUFFER);
      char[] head = new char[BUFFER];
      int length = 0;
      int n;
      while (length < BUFFER && (n = in.read(head, length, BUFFER - length)) > 0) {
        length += n;
      }
      in.reset();
      delimiter = best(head, length);
      return delimiter;
    }

    private static char best(char[] head, int length) {
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

    /** The parser handed over row {@code number}: counting starts again for the next. */
    void rowRead(long number) {
      rowsRead = number;
      read = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count(c);
        counted(1);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        count(buffer[i]);
      }
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void count(int c) {
      if (c == delimiter || c == '\n' || c == '\r') {
        cell = 0;
      } else if (++cell > CellLimit.MAX_CHARACTERS) {
        throw CellLimit.cellExceeded(rowsRead + 1);
      }
    }

    private void counted(int characters) {
      read += characters;
      if (read > CellLimit.MAX_ROW_CHARACTERS + BUFFER) {
        throw CellLimit.rowExceeded(rowsRead + 1);
      }
    }
  }

  /**
   * What the receiver of the rows throws passes through unchanged, not taken for a damaged file.
   */
  private static void handOver(Row row, Consumer<Row> rows) {
    try {
      rows.accept(row);
    } catch (RuntimeException e) {
      throw new ReadingFailed(e);
    }
  }

  private static final class ReadingFailed extends RuntimeException {

    ReadingFailed(RuntimeException reason) {
      super(reason);
    }

    RuntimeException reason() {
      return (RuntimeException) getCause();
    }
  }

  /**
   * Collects the cells of each sheet row; empty cells are not reported by the sheet, so their
   * places are filled in. Control characters, which a CSV line may not hold, become spaces.
   */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Consumer<Row> rows;
    private final List<String> cells = new ArrayList<>();
    private int row;

    SheetRows(Consumer<Row> rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      cells.clear();
      row = rowNum + 1;
    }

    @Override
    public void endRow(int rowNum) {
      if (!isBlank(cells)) {
        handOver(new Row(rowNum + 1, cells), rows);
      }
    }

    @Override
    public void cell(
        @Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (column >= MAX_COLUMNS) {
        throw new ReadingFailed(
            refused("too-many-columns", "The sheet has more than " + MAX_COLUMNS + " columns."));
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

  /**
   * The text of a number cell as imports read it, whatever the cell's display format: a date as
   * {@code 2024-03-01} (or {@code 2024-03-01 14:30:00} when it has a time of day), a percentage as
   * {@code 12.5%}, a number plainly, rounded to the 15 significant digits Excel shows ({@code
   * 1234.5}, not {@code 1,234.50}; {@code 2.55}, not {@code 2.5499999999999998}); digits padded
   * with zeros as the format pads them ({@code 00123}).
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

  private static boolean hasControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  private static String withoutControlCharacters(String value) {
    if (!hasControlCharacter(value)) {
      return value;
    }
    StringBuilder clean = new StringBuilder(value);
    for (int i = 0; i < clean.length(); i++) {
      char c = clean.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        clean.setCharAt(i, ' ');
      }
    }
    return clean.toString();
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
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
      return refused("unreadable-gzip", "The file looks gzip-compressed but cannot be unpacked.");
    }
    return new UncheckedIOException(e);
  }

  /** A refusal of the uploaded file, with a stable code. */
  public static InvalidInput refused(String code, String message) {
    return new InvalidInput("file", code, message);
  }
}
