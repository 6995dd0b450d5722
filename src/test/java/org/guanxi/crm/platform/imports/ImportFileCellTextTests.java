package org.guanxi.crm.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

/** The number cells of a workbook read as text that the order line rules parse. */
class ImportFileCellTextTests {

  private final ImportFile.CellText text = new ImportFile.CellText(false);

  @Test
  void numbersArePlainWithoutGroupingOrBinaryNoise() {
    assertThat(text.formatRawCellContents(1234.5, 4, "#,##0.00")).isEqualTo("1234.5");
    assertThat(text.formatRawCellContents(1.1 * 3, 0, "General")).isEqualTo("3.3");
    assertThat(text.formatRawCellContents(0.1 + 0.2, 2, "0.00")).isEqualTo("0.3");
    assertThat(text.formatRawCellContents(17850, 0, "General")).isEqualTo("17850");
    assertThat(text.formatRawCellContents(-11062.06, 0, "General")).isEqualTo("-11062.06");
    assertThat(text.formatRawCellContents(0, 0, "General")).isEqualTo("0");
    assertThat(text.formatRawCellContents(1e15, 0, "General")).isEqualTo("1000000000000000");
    assertThat(text.formatRawCellContents(99.9, 164, "\"¥\"#,##0.00;[Red]-\"¥\"#,##0.00"))
        .isEqualTo("99.9");
  }

  @Test
  void percentagesKeepTheirSignAndPaddedCodesTheirZeros() {
    assertThat(text.formatRawCellContents(0.125, 10, "0.00%")).isEqualTo("12.5%");
    assertThat(text.formatRawCellContents(0.1, 9, "0%")).isEqualTo("10%");
    assertThat(text.formatRawCellContents(123, 165, "000000")).isEqualTo("000123");
    assertThat(text.formatRawCellContents(5, 166, "\"%\"0")).isEqualTo("5");
  }

  @Test
  void datesAreIsoWhateverTheirDisplayFormat() {
    double day = DateUtil.getExcelDate(LocalDate.of(2026, 1, 5).atStartOfDay());
    double time = DateUtil.getExcelDate(LocalDateTime.of(2026, 1, 5, 10, 30, 15));
    assertThat(text.formatRawCellContents(day, 14, "m/d/yy")).isEqualTo("2026-01-05");
    assertThat(text.formatRawCellContents(day, 170, "yyyy\"年\"m\"月\"d\"日\""))
        .isEqualTo("2026-01-05");
    assertThat(text.formatRawCellContents(time, 22, "m/d/yy h:mm"))
        .isEqualTo("2026-01-05 10:30:15");
    assertThat(text.formatRawCellContents(0.5, 20, "h:mm")).isEqualTo("12:00:00");
    assertThat(new ImportFile.CellText(true).formatRawCellContents(day - 1462, 14, "m/d/yy"))
        .as("a workbook that counts from 1904")
        .isEqualTo("2026-01-05");
  }
}
