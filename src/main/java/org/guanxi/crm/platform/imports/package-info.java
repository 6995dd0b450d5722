/**
 * Imports, the platform capability every module's import is built on: one streaming reader of
 * uploaded tables ({@link org.guanxi.crm.platform.imports.ImportFile}), one column mapping with the
 * header synonyms imports share ({@link org.guanxi.crm.platform.imports.ColumnMapping}, {@link
 * org.guanxi.crm.platform.imports.HeaderSynonyms}), one writer of reports and exports for
 * spreadsheets ({@link org.guanxi.crm.platform.imports.SpreadsheetCsv}) and one page fragment that
 * shows an import's progress ({@code templates/platform/import.html}). A module that imports
 * declares {@code "platform :: imports"} among its allowed dependencies.
 */
@NamedInterface("imports")
@NullMarked
package org.guanxi.crm.platform.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
