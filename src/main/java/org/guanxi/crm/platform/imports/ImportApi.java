package org.guanxi.crm.platform.imports;

import java.net.URI;
import java.util.Map;
import org.guanxi.crm.platform.JsonFormFields;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * What the import APIs of the modules share: the service that runs a module's imports, the report
 * of the rows an import did not take ({@link ImportHandlers}), reading the column mapping sent with
 * a file, and answering an upload with where the import now stands. A module's API extends it and
 * declares its own endpoints, which call these.
 *
 * @param <S> the module's import service
 */
public abstract class ImportApi<S> extends ImportHandlers<S> {

  private final JsonFormFields formFields;

  protected ImportApi(S imports, Report report, JsonFormFields formFields) {
    super(imports, report);
    this.formFields = formFields;
  }

  /** The column mapping sent with a file (a JSON object {column header: field}), or none. */
  protected final Map<String, @Nullable String> mapping(@Nullable String json) {
    return ColumnMappingForm.fromJson(formFields, json);
  }

  /** Another form field sent with a file, a JSON object read as {@code type}. */
  protected final <T> T read(
      String name, @Nullable String json, Class<T> type, T none, String message) {
    return formFields.read(name, json, type, none, message);
  }

  /** 202 Accepted: the file is taken and imported in the background; poll the Location. */
  protected static <T> ResponseEntity<T> accepted(String location, T body) {
    return ResponseEntity.accepted().location(URI.create(location)).body(body);
  }
}
