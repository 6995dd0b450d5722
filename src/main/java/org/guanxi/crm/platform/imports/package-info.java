/**
 * Imports, the platform capability every module's import is built on: one streaming reader of
 * uploaded tables ({@link org.guanxi.crm.platform.imports.ImportFile}), one column mapping with the
 * header synonyms imports share ({@link org.guanxi.crm.platform.imports.ColumnMapping}, {@link
 * org.guanxi.crm.platform.imports.HeaderSynonyms}), one writer of reports and exports for
 * spreadsheets ({@link org.guanxi.crm.platform.imports.SpreadsheetCsv}), the bases of a module's
 * import API and pages ({@link org.guanxi.crm.platform.imports.ImportApi}, {@link
 * org.guanxi.crm.platform.imports.ImportPageSupport}), what they show of any import ({@link
 * org.guanxi.crm.platform.imports.ImportJob}, {@link org.guanxi.crm.platform.imports.ImportTrail},
 * {@link org.guanxi.crm.platform.imports.ImportProgress}, {@link
 * org.guanxi.crm.platform.imports.RecentImports}), the key rotation of an import's sealed rows
 * ({@link org.guanxi.crm.platform.imports.SealedImportRows}) and the page fragments of imports
 * ({@code templates/platform/import.html}). A module that imports declares {@code "platform ::
 * imports"} among its allowed dependencies.
 */
@NamedInterface("imports")
@NullMarked
package org.guanxi.crm.platform.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
