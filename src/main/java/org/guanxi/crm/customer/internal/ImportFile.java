package org.guanxi.crm.customer.internal;

import java.io.ByteArrayInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
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
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * An uploaded table of customers: a CSV file (UTF-8 with or without a byte order mark, UTF-16 with
 * one, or GBK as saved by a Chinese Excel) or an Excel workbook (.xlsx, its first sheet). Rows are
 * read one at a time, so that a large file is never held as rows in memory. What cannot be read is
 * refused as invalid input, and so is a cell or row beyond {@link CellLimit} as soon as it is met.
 */
final class ImportFile {

  enum Format {
    CSV,
    XLSX
  }

  /** A row as the spreadsheet numbers it (the header is row 1), its cells as text. */
  record Row(int number, List<String> cells) {

    boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  private static final byte[] ZIP = {0x50, 0x4b, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0};
  private static final Charset GBK = Charset.forName("GB18030");
  private static final int MAX_COLUMNS = 200;

  private final Format format;
  private final byte[] content;
  private final @Nullable String text;

  private ImportFile(Format format, byte[] content, @Nullable String text) {
    this.format = format;
    this.content = content;
    this.text = text;
  }

  static ImportFile of(byte[] content) {
    if (content.length == 0) {
      throw unreadable("empty-file", "The file is empty.");
    }
    if (startsWith(content, ZIP)) {
      return new ImportFile(Format.XLSX, content, null);
    }
    if (startsWith(content, OLE2)) {
      throw unreadable(
          "old-excel-format",
          "Old Excel files (.xls) cannot be read: save the sheet as .xlsx or as CSV.");
    }
    String text = decode(content);
    if (text.chars().filter(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n').count() > 0) {
      throw unreadable("not-a-table", "This is not a CSV or Excel (.xlsx) file.");
    }
    return new ImportFile(Format.CSV, content, text);
  }

  Format format() {
    return format;
  }

  /** The content as uploaded, to be kept until the import has run. */
  byte[] content() {
    return content;
  }

  /** Every row that is not blank, the header row first. */
  void read(Consumer<Row> rows) {
    if (format == Format.CSV) {
      readCsv(rows);
    } else {
      readXlsx(rows);
    }
  }

  private void readCsv(Consumer<Row> rows) {
    String csv = text == null ? "" : text;
    CSVFormat dialect =
        CSVFormat.RFC4180.builder().setDelimiter(delimiter(csv)).setIgnoreEmptyLines(false).get();
    long number = 0;
    RowLimit text = new RowLimit(new StringReader(csv));
    try (CSVParser parser = CSVParser.parse(text, dialect)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        number = record.getRecordNumber();
        text.rowRead(number);
        if (record.size() > MAX_COLUMNS) {
          throw unreadable(
              "too-many-columns", "Row " + number + " has more than " + MAX_COLUMNS + " columns.");
        }
        for (String cell : record) {
          if (cell.length() > CellLimit.MAX_CHARACTERS) {
            throw CellLimit.cellExceeded(number);
          }
        }
        Row row = new Row((int) number, record.toList());
        if (!row.isBlank()) {
          handOver(row, rows);
        }
      }
    } catch (ReaderFailed e) {
      throw e.reason();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw unreadable(
          "malformed-csv",
          "The CSV file is broken after row "
              + number
              + " (often a quotation mark that is never closed): "
              + e.getMessage());
    }
  }

  private void readXlsx(Consumer<Row> rows) {
    try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
      XSSFReader reader = new XSSFReader(workbook);
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw unreadable("no-sheet", "The workbook has no sheet.");
      }
      try (InputStream sheet = sheets.next()) {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(
            new XSSFSheetXMLHandler(
                reader.getStylesTable(),
                new ReadOnlySharedStringsTable(workbook),
                new SheetRows(rows),
                new IsoDates(),
                false));
        parser.parse(new InputSource(sheet));
      }
    } catch (ReaderFailed e) {
      throw e.reason();
    } catch (InvalidInput e) {
      throw e;
    } catch (Exception e) {
      // POI reports a damaged workbook with many kinds of exceptions, checked and unchecked
      throw unreadable(
          "unreadable-xlsx",
          "The file looks like an Excel workbook but cannot be opened: " + e.getMessage());
    }
  }

  /**
   * The text of a CSV file, refusing a row that runs on beyond {@link
   * CellLimit#MAX_ROW_CHARACTERS}: commons-csv has no limit of its own and reads a row whole before
   * it hands it over, so a file with one cell of 40 MB (or a quotation mark never closed) would be
   * read to its end first. It counts what the parser reads after a row was handed over, which is
   * the next row and at most one buffer of read-ahead beyond it.
   */
  private static final class RowLimit extends FilterReader {

    private static final int READ_AHEAD = 1 << 16;

    private long read;
    private long rowsRead;

    RowLimit(Reader text) {
      super(text);
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
        count(1);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int characters) {
      read += characters;
      if (read > CellLimit.MAX_ROW_CHARACTERS + READ_AHEAD) {
        throw CellLimit.rowExceeded(rowsRead + 1);
      }
    }
  }

  /** What the reader of the rows throws passes through unchanged, not taken for a damaged file. */
  private static void handOver(Row row, Consumer<Row> rows) {
    try {
      rows.accept(row);
    } catch (RuntimeException e) {
      throw new ReaderFailed(e);
    }
  }

  private static final class ReaderFailed extends RuntimeException {

    ReaderFailed(RuntimeException reason) {
      super(reason);
    }

    RuntimeException reason() {
      return (RuntimeException) getCause();
    }
  }

  /**
   * Collects the cells of each sheet row; empty cells are not reported, so their places are filled
   * in.
   */
  private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

    private final Consumer<Row> rows;
    private List<String> cells = new ArrayList<>();
    private int row;

    SheetRows(Consumer<Row> rows) {
      this.rows = rows;
    }

    @Override
    public void startRow(int rowNum) {
      cells = new ArrayList<>();
      row = rowNum + 1;
    }

    @Override
    public void endRow(int rowNum) {
      Row row = new Row(rowNum + 1, List.copyOf(cells));
      if (!row.isBlank()) {
        handOver(row, rows);
      }
    }

    @Override
    public void cell(
        @Nullable String reference, @Nullable String value, @Nullable XSSFComment comment) {
      int column = reference == null ? cells.size() : new CellReference(reference).getCol();
      if (column >= MAX_COLUMNS) {
        throw unreadable(
            "too-many-columns", "The sheet has more than " + MAX_COLUMNS + " columns.");
      }
      if (value != null && value.length() > CellLimit.MAX_CHARACTERS) {
        throw CellLimit.cellExceeded(row);
      }
      while (cells.size() < column) {
        cells.add("");
      }
      cells.add(value == null ? "" : value);
    }
  }

  /**
   * Shows date cells as ISO dates (1990-05-03) whatever their display format, so that they read
   * back as dates.
   */
  private static final class IsoDates extends DataFormatter {

    @Override
    public String formatRawCellContents(
        double value, int formatIndex, String formatString, boolean use1904Windowing) {
      if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
        LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing);
        return time.toLocalTime().equals(LocalTime.MIDNIGHT)
            ? time.toLocalDate().toString()
            : time.toString();
      }
      return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }
  }

  /**
   * UTF-8 (a byte order mark is dropped), UTF-16 with a byte order mark, else GBK; anything else is
   * refused.
   */
  private static String decode(byte[] content) {
    if (startsWith(content, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})) {
      return strictly(StandardCharsets.UTF_8, content, 3);
    }
    if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xfe})) {
      return strictly(StandardCharsets.UTF_16LE, content, 2);
    }
    if (startsWith(content, new byte[] {(byte) 0xfe, (byte) 0xff})) {
      return strictly(StandardCharsets.UTF_16BE, content, 2);
    }
    String utf8 = tryDecode(StandardCharsets.UTF_8, content, 0);
    if (utf8 != null) {
      return utf8;
    }
    String gbk = tryDecode(GBK, content, 0);
    if (gbk != null) {
      return gbk;
    }
    throw unreadable(
        "unknown-encoding",
        "The file is neither UTF-8 nor GBK text: save it as \"CSV UTF-8\" or as .xlsx.");
  }

  private static String strictly(Charset charset, byte[] content, int offset) {
    String text = tryDecode(charset, content, offset);
    if (text == null) {
      throw unreadable(
          "unknown-encoding", "The file says it is " + charset.name() + " but is not.");
    }
    return text;
  }

  private static @Nullable String tryDecode(Charset charset, byte[] content, int offset) {
    try {
      CharBuffer chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content, offset, content.length - offset));
      return chars.toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Comma, semicolon or tab: whichever the header line has most of. */
  private static char delimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    char best = ',';
    long most = 0;
    for (char candidate : new char[] {',', ';', '\t'}) {
      long count = header.chars().filter(c -> c == candidate).count();
      if (count > most) {
        best = candidate;
        most = count;
      }
    }
    return best;
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static InvalidInput unreadable(String code, String message) {
    return new InvalidInput("file", code, message);
  }
}
