package org.guanxi.crm.orders.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.guanxi.crm.platform.imports.ImportFile;
import org.jspecify.annotations.Nullable;

/**
 * The lines of an uploaded order file as the order import keeps them: read by the platform's {@link
 * ImportFile} and handed over a batch at a time, as compact CSV text that starts each line with its
 * number in the file (the header is line 1; blank lines are left out), so that a file of millions
 * of lines is never held in memory and the workers settle it batch by batch.
 */
final class OrderFile {

  /** Receives what is read: the header first, then the lines a batch at a time. */
  interface Reading {
    void header(List<String> headers);

    void batch(int number, int lines, String text);
  }

  /** What the file held. */
  record Summary(List<String> headers, int lines, int batches) {}

  /** A line of a batch: its number in the file and its cells. */
  record Line(int number, List<String> cells) {}

  /** CSV as the import keeps it: RFC 4180, a line break a record. */
  private static final CSVFormat STORED =
      CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private OrderFile() {}

  /**
   * Reads the file: the header (blank and repeated column names named apart), then every line that
   * is not blank, {@code linesPerBatch} to a batch.
   */
  static Summary read(ImportFile file, int linesPerBatch, Reading reading) {
    Batches batches = new Batches(linesPerBatch, reading);
    file.read(row -> batches.row(row.number(), row.cells()));
    return batches.finish();
  }

  /** The lines of a batch as {@link #read} handed it over. */
  static List<Line> lines(String batch) {
    List<Line> lines = new ArrayList<>();
    for (List<String> cells : records(batch)) {
      lines.add(new Line(Integer.parseInt(cells.get(0)), cells.subList(1, cells.size())));
    }
    return lines;
  }

  /** The records of CSV text the import wrote itself (batches, reports). */
  static List<List<String>> records(String text) {
    try (CSVParser parser = CSVParser.parse(text, STORED)) {
      List<List<String>> records = new ArrayList<>();
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a record as {@link #records} reads it back: comma-separated, quoted where needed. */
  static void write(StringBuilder out, List<String> cells) {
    try {
      STORED.printRecord(out, cells.toArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a file made into the header and batches of numbered lines. */
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
      if (headers == null) {
        headers = ImportFile.uniqueHeaders(cells);
        reading.header(headers);
        return;
      }
      numbered.clear();
      numbered.add(Integer.toString(number));
      numbered.addAll(cells);
      write(batch, numbered);
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
        throw ImportFile.refused("no-lines", "The file has no order lines below its header line.");
      }
      return new Summary(headers, lines, batches);
    }
  }
}
