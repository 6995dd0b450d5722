package org.guanxi.crm.orders.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.guanxi.crm.platform.CellLimit;
import org.guanxi.crm.platform.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The records of CSV text, one at a time (RFC 4180: fields may be quoted, a quote in a quoted field
 * is doubled, quoted fields may hold delimiters and line breaks). Forgiving where spreadsheets are
 * careless — a quote inside an unquoted field is taken as it is — and strict where the file is not
 * a table: a quoted field never closed, control characters, a field beyond {@link CellLimit} (as
 * soon as it grows beyond it) or a record of too many fields are refused as invalid input. Written
 * for speed: a file of millions of lines is read character by character from one buffer.
 */
final class CsvRecords {

  static final int MAX_COLUMNS = 200;

  private final Reader reader;
  private final char delimiter;
  private final int maxColumns;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private int number;
  private final StringBuilder field = new StringBuilder(64);

  CsvRecords(Reader reader, char delimiter) {
    this(reader, delimiter, MAX_COLUMNS);
  }

  private CsvRecords(Reader reader, char delimiter, int maxColumns) {
    this.reader = reader;
    this.delimiter = delimiter;
    this.maxColumns = maxColumns;
  }

  /**
   * Text the import wrote itself (stored batches, reports), comma-separated: its lines carry up to
   * two columns of their own (line number, problem) before a file's {@link #MAX_COLUMNS}.
   */
  static CsvRecords stored(Reader reader) {
    return new CsvRecords(reader, ',', MAX_COLUMNS + 2);
  }

  /** The number of the record last read, the first being 1. */
  int number() {
    return number;
  }

  /** The next record's fields, or null at the end of the text. */
  @Nullable List<String> next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    number++;
    List<String> cells = new ArrayList<>();
    field.setLength(0);
    boolean quoted = false;
    boolean atStart = true;
    while (true) {
      if (quoted) {
        if (c < 0) {
          throw refused(
              "malformed-csv",
              "The CSV file is broken after line "
                  + number
                  + ": a quotation mark is never closed.");
        }
        if (c == '"') {
          int after = read();
          if (after == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = after;
            continue;
          }
        } else {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            throw refused("not-a-table", "This is not a CSV file (line " + number + ").");
          }
          append((char) c);
        }
      } else if (c < 0 || c == '\n' || c == '\r') {
        if (c == '\r') {
          int after = read();
          if (after != '\n' && after >= 0) {
            position--;
          }
        }
        cells.add(field.toString());
        return cells;
      } else if (c == delimiter) {
        cells.add(field.toString());
        if (cells.size() >= maxColumns) {
          throw refused(
              "too-many-columns", "Line " + number + " has more than " + maxColumns + " columns.");
        }
        field.setLength(0);
        atStart = true;
        c = read();
        continue;
      } else if (c == '"' && atStart) {
        quoted = true;
      } else {
        if (c < 0x20 && c != '\t') {
          throw refused("not-a-table", "This is not a CSV file (line " + number + ").");
        }
        append((char) c);
      }
      atStart = false;
      c = read();
    }
  }

  private void append(char c) {
    if (field.length() >= CellLimit.MAX_CHARACTERS) {
      throw CellLimit.cellExceeded(number);
    }
    field.append(c);
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = reader.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++];
  }

  /** Writes a record as this class reads it back: comma-separated, quoted where needed. */
  static void write(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String cell = cells.get(i);
      if (cell.indexOf(',') >= 0
          || cell.indexOf('"') >= 0
          || cell.indexOf('\n') >= 0
          || cell.indexOf('\r') >= 0) {
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        out.append(cell);
      }
    }
    out.append('\n');
  }

  static InvalidInput refused(String code, String message) {
    return new InvalidInput("file", code, message);
  }
}
