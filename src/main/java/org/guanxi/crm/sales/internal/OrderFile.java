package org.guanxi.crm.sales.internal;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An uploaded file of order lines: CSV (comma, semicolon or tab, whichever the header has most of)
 * in UTF-8 with or without a byte order mark, UTF-16 with one, or GBK (GB 18030) as a Chinese Excel
 * saves it, gzip-compressed or not. Read as a stream, so that a file of millions of lines is never
 * held in memory: its lines are handed over a batch at a time, as compact CSV text that starts each
 * line with its number in the file (the header is line 1; blank lines are left out).
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
   * The character set the file says it is in (a byte order mark), else UTF-8 when its beginning is
   * UTF-8, else GBK. Files that are not CSV text are refused here.
   */
  static Charset charset(Source source) {
    try (InputStream in = decompressed(source.open())) {
      byte[] head = in.readNBytes(HEAD);
      if (head.length == 0) {
        throw CsvRecords.refused("empty-file", "The file is empty.");
      }
      if (startsWith(head, ZIP) || startsWith(head, OLE2)) {
        throw CsvRecords.refused(
            "not-csv", "Excel workbooks are not read here: save the sheet as CSV (UTF-8).");
      }
      if (startsWith(head, UTF8_BOM)) {
        return StandardCharsets.UTF_8;
      }
      if (startsWith(head, UTF16LE_BOM)) {
        return StandardCharsets.UTF_16LE;
      }
      if (startsWith(head, UTF16BE_BOM)) {
        return StandardCharsets.UTF_16BE;
      }
      CharsetDecoder utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      boolean whole = head.length < HEAD;
      boolean isUtf8 =
          !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), whole).isError();
      return isUtf8 ? StandardCharsets.UTF_8 : GBK;
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * Reads the file in {@code charset}: the header (blank and repeated column names named apart),
   * then every line that is not blank, {@code linesPerBatch} to a batch. Throws {@link
   * WrongEncoding} when the text turns out not to be in {@code charset}.
   */
  static Summary read(Source source, Charset charset, int linesPerBatch, Reading reading) {
    try (InputStream in = decompressed(source.open())) {
      skipByteOrderMark(in, charset);
      CharsetDecoder decoder =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      BufferedReader text = new BufferedReader(new InputStreamReader(in, decoder), HEAD);
      CsvRecords records = new CsvRecords(text, delimiter(text));
      List<String> headers = null;
      StringBuilder batch = new StringBuilder(linesPerBatch * 100);
      List<String> numbered = new ArrayList<>();
      int lines = 0;
      int inBatch = 0;
      int batches = 0;
      List<String> cells;
      while ((cells = records.next()) != null) {
        if (isBlank(cells)) {
          continue;
        }
        if (headers == null) {
          headers = uniqueHeaders(cells);
          reading.header(headers);
          continue;
        }
        numbered.clear();
        numbered.add(Integer.toString(records.number()));
        numbered.addAll(cells);
        CsvRecords.write(batch, numbered);
        lines++;
        if (++inBatch == linesPerBatch) {
          reading.batch(batches++, inBatch, batch.toString());
          batch.setLength(0);
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        reading.batch(batches++, inBatch, batch.toString());
      }
      if (headers == null || lines == 0) {
        throw CsvRecords.refused("no-lines", "The file has no order lines below its header line.");
      }
      return new Summary(headers, lines, batches);
    } catch (CharacterCodingException e) {
      throw new WrongEncoding(e);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The lines of a batch as {@link #read} handed it over. */
  static List<Line> lines(String batch) {
    List<Line> lines = new ArrayList<>();
    CsvRecords records = new CsvRecords(new StringReader(batch), ',');
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
