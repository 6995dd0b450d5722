package org.guanxi.crm.customer.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guanxi.crm.customer.Classification;
import org.guanxi.crm.customer.CustomerKind;
import org.guanxi.crm.customer.LifecycleStage;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.UserDirectory;
import org.guanxi.crm.platform.UserSummary;
import org.guanxi.crm.platform.imports.ColumnMapping;
import org.guanxi.crm.platform.imports.ImportFile;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The rules a row of an imported file meets to become a customer: those of the customer form (the
 * same checks of names, lengths, phone numbers, e-mail addresses, ID-card numbers and birthdays,
 * the same owners the importing user may choose), applied to text. Choices such as the lifecycle
 * stage are understood in each language of the pages.
 */
@Component
class ImportRules {

  private static final Locale[] LANGUAGES = {
    Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE
  };
  private static final Pattern ORGANISATION_NAME =
      Pattern.compile(
          "公司|集团|集團|企业|企業|工厂|工廠|厂$|廠$|商行|商店|事务所|事務所|研究院|研究所|中心$|协会|協會|银行|銀行|学校|學校|大学|大學|医院|醫院|酒店"
              + "|(?i)\\b(ltd|inc|llc|gmbh|corp|corporation|co|company|group|limited|plc|ag|bv|pte)\\b\\.?");
  private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，;；|、]");
  private static final List<DateTimeFormatter> DATES =
      Stream.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日", "uuuuMMdd")
          .map(
              pattern ->
                  DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
          .toList();

  /** A problem of one cell (or, with no column, of the row). */
  record RowError(@Nullable String column, String code, String message) {}

  /** A row read and checked: the customer it makes, or what is wrong with it. */
  record CheckedRow(
      int number,
      Map<String, String> values,
      @Nullable CustomerDraft draft,
      CustomerStore.@Nullable Content content,
      List<RowError> errors) {

    boolean accepted() {
      return errors.isEmpty();
    }
  }

  private final UserDirectory users;
  private final CustomerService customers;
  private final Validator validator;
  private final MessageSource messages;
  private final Clock clock;

  ImportRules(
      UserDirectory users,
      CustomerService customers,
      Validator validator,
      MessageSource messages,
      Clock clock) {
    this.users = users;
    this.customers = customers;
    this.validator = validator;
    this.messages = messages;
    this.clock = clock;
  }

  /** The rules for the rows of one file, as they apply to the user who imports it. */
  Check forImport(
      CurrentUser importer, List<String> headers, ColumnMapping<CustomerImportField> mapping) {
    Map<String, UserSummary> allowed = new HashMap<>();
    Map<String, UserSummary> known = new HashMap<>();
    index(users.activeUsers(), known);
    index(customers.assignableOwners(importer), allowed);
    UserSummary self =
        users
            .find(importer.id())
            .filter(UserSummary::active)
            .orElseThrow(
                () ->
                    new InvalidInput(
                        "owner", "unknown-owner", "The importing user is no longer active"));
    List<CustomField> fields = customers.customFields();
    return new Check(
        headers,
        mapping.positions(headers),
        customFieldColumns(headers, fields),
        fields,
        self,
        allowed,
        known,
        LocalDate.now(clock));
  }

  /** Columns headed by a custom field's key or by its label in any of the three languages. */
  private static Map<CustomField, Integer> customFieldColumns(
      List<String> headers, List<CustomField> fields) {
    Map<CustomField, Integer> columns = new LinkedHashMap<>();
    for (CustomField field : fields) {
      for (int i = 0; i < headers.size(); i++) {
        String header = headers.get(i).strip();
        if (header.equalsIgnoreCase(field.key())
            || header.equalsIgnoreCase(field.label().en())
            || header.equals(field.label().zhCn())
            || header.equals(field.label().zhTw())) {
          columns.putIfAbsent(field, i);
        }
      }
    }
    return columns;
  }

  /** Owners are named by user name or, when no one else has it, display name. */
  private static void index(List<UserSummary> people, Map<String, UserSummary> byName) {
    Map<String, Integer> displayNames = new HashMap<>();
    people.forEach(
        u -> displayNames.merge(u.displayName().strip().toLowerCase(Locale.ROOT), 1, Integer::sum));
    for (UserSummary user : people) {
      String displayName = user.displayName().strip().toLowerCase(Locale.ROOT);
      if (displayNames.get(displayName) == 1) {
        byName.putIfAbsent(displayName, user);
      }
      byName.put(user.username().toLowerCase(Locale.ROOT), user);
    }
  }

  final class Check {

    private final List<String> headers;
    private final Map<CustomerImportField, Integer> positions;
    private final Map<CustomField, Integer> customFieldColumns;
    private final List<CustomField> customFields;
    private final UserSummary importer;
    private final Map<String, UserSummary> allowedOwners;
    private final Map<String, UserSummary> knownUsers;
    private final LocalDate today;
    private final Map<String, CustomerKind> kinds = choices(CustomerKind.values(), "kind.");
    private final Map<String, LifecycleStage> stages = choices(LifecycleStage.values(), "stage.");
    private final Map<String, Classification> classifications =
        choices(Classification.values(), "classification.");

    private Check(
        List<String> headers,
        Map<CustomerImportField, Integer> positions,
        Map<CustomField, Integer> customFieldColumns,
        List<CustomField> customFields,
        UserSummary importer,
        Map<String, UserSummary> allowedOwners,
        Map<String, UserSummary> knownUsers,
        LocalDate today) {
      this.headers = headers;
      this.positions = positions;
      this.customFieldColumns = customFieldColumns;
      this.customFields = customFields;
      this.importer = importer;
      this.allowedOwners = allowedOwners;
      this.knownUsers = knownUsers;
      this.today = today;
      for (String company :
          List.of(
              "company",
              "organization",
              "organisation",
              "business",
              "公司",
              "组织",
              "組織",
              "机构",
              "機構")) {
        kinds.put(company, CustomerKind.ORGANIZATION);
      }
      for (String person : List.of("person", "personal", "private", "个人客户", "個人客戶", "自然人")) {
        kinds.put(person, CustomerKind.INDIVIDUAL);
      }
    }

    CheckedRow check(ImportFile.Row row) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < headers.size(); i++) {
        values.put(headers.get(i), i < row.cells().size() ? row.cells().get(i) : "");
      }
      List<RowError> errors = new ArrayList<>();
      String name = text(CustomerImportField.NAME, row);
      CustomerKind kind = choice(CustomerImportField.KIND, row, kinds, errors);
      if (kind == null) {
        kind =
            name != null && ORGANISATION_NAME.matcher(name).find()
                ? CustomerKind.ORGANIZATION
                : CustomerKind.INDIVIDUAL;
      }
      LifecycleStage stage = choice(CustomerImportField.LIFECYCLE_STAGE, row, stages, errors);
      Classification classification =
          choice(CustomerImportField.CLASSIFICATION, row, classifications, errors);
      String tagText = text(CustomerImportField.TAGS, row);
      List<String> tags =
          tagText == null
              ? null
              : Arrays.stream(TAG_SEPARATORS.split(tagText))
                  .map(String::strip)
                  .filter(t -> !t.isEmpty())
                  .distinct()
                  .toList();
      UserSummary owner = owner(row, errors);
      String phone = personal(CustomerImportField.PHONE, row, errors, SensitiveValues::phone);
      String email = personal(CustomerImportField.EMAIL, row, errors, SensitiveValues::email);
      String idCard = personal(CustomerImportField.ID_CARD, row, errors, SensitiveValues::idCard);
      LocalDate birthday = birthday(row, errors);
      CustomerDraft draft =
          new CustomerDraft(
              kind,
              name == null ? "" : name,
              text(CustomerImportField.INDUSTRY, row),
              text(CustomerImportField.SOURCE, row),
              text(CustomerImportField.CITY, row),
              stage,
              classification,
              tags,
              text(CustomerImportField.PREFERENCES, row),
              owner == null ? null : owner.id(),
              text(CustomerImportField.PHONE, row),
              text(CustomerImportField.EMAIL, row),
              text(CustomerImportField.ID_CARD, row),
              birthday,
              text(CustomerImportField.ADDRESS, row),
              customFieldInput(row));
      Map<String, Object> customFieldValues = Map.of();
      try {
        customFieldValues = CustomFieldValues.normalise(draft.customFields(), customFields);
      } catch (InvalidInput e) {
        e.errors()
            .forEach(
                error ->
                    errors.add(
                        new RowError(
                            customFieldColumn(error.field()), error.code(), error.message())));
      }
      validator.validate(draft).stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .forEach(v -> errors.add(violation(v)));
      if (!errors.isEmpty() || owner == null) {
        return new CheckedRow(row.number(), values, null, null, errors);
      }
      PersonalData personal =
          new PersonalData(phone, email, idCard, birthday, SensitiveValues.text(draft.address()));
      CustomerStore.Content content =
          CustomerStore.Content.of(draft, owner.id(), owner.teamId(), personal, customFieldValues);
      return new CheckedRow(row.number(), values, draft, content, List.of());
    }

    private Map<String, Object> customFieldInput(ImportFile.Row row) {
      Map<String, Object> input = new LinkedHashMap<>();
      customFieldColumns.forEach(
          (field, position) -> {
            if (position < row.cells().size() && !row.cells().get(position).isBlank()) {
              input.put(field.key(), row.cells().get(position));
            }
          });
      return input;
    }

    private @Nullable String customFieldColumn(String field) {
      String key =
          field.startsWith("customFields.") ? field.substring("customFields.".length()) : field;
      return customFieldColumns.entrySet().stream()
          .filter(e -> e.getKey().key().equals(key))
          .map(e -> headers.get(e.getValue()))
          .findFirst()
          .orElse(key);
    }

    private @Nullable String text(CustomerImportField field, ImportFile.Row row) {
      Integer position = positions.get(field);
      if (position == null || position < 0 || position >= row.cells().size()) {
        return null;
      }
      String value = row.cells().get(position).strip();
      return value.isEmpty() ? null : value;
    }

    private @Nullable String column(CustomerImportField field) {
      Integer position = positions.get(field);
      return position == null || position < 0 ? null : headers.get(position);
    }

    private <E> @Nullable E choice(
        CustomerImportField field,
        ImportFile.Row row,
        Map<String, E> options,
        List<RowError> errors) {
      String value = text(field, row);
      if (value == null) {
        return null;
      }
      E option = options.get(value.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", ""));
      if (option == null) {
        errors.add(
            new RowError(column(field), "unknown-choice", "Not one of the choices of this field"));
      }
      return option;
    }

    private @Nullable UserSummary owner(ImportFile.Row row, List<RowError> errors) {
      String name = text(CustomerImportField.OWNER, row);
      if (name == null) {
        return importer;
      }
      String key = name.toLowerCase(Locale.ROOT);
      UserSummary owner = allowedOwners.get(key);
      if (owner == null) {
        boolean exists = knownUsers.containsKey(key);
        errors.add(
            new RowError(
                column(CustomerImportField.OWNER),
                exists ? "owner-not-allowed" : "unknown-owner",
                exists
                    ? "You may not give customers to this user"
                    : "No active user with this name"));
      }
      return owner;
    }

    private @Nullable String personal(
        CustomerImportField field,
        ImportFile.Row row,
        List<RowError> errors,
        BiFunction<String, @Nullable String, @Nullable String> normalise) {
      try {
        return normalise.apply(field.key(), text(field, row));
      } catch (InvalidInput e) {
        e.errors()
            .forEach(
                error -> errors.add(new RowError(column(field), error.code(), error.message())));
        return null;
      }
    }

    private @Nullable LocalDate birthday(ImportFile.Row row, List<RowError> errors) {
      String value = text(CustomerImportField.BIRTHDAY, row);
      if (value == null) {
        return null;
      }
      String date = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
      for (DateTimeFormatter format : DATES) {
        try {
          return SensitiveValues.birthday(
              CustomerImportField.BIRTHDAY.key(), LocalDate.parse(date, format), today);
        } catch (DateTimeParseException e) {
          // try the next way of writing a date
        } catch (InvalidInput e) {
          errors.add(
              new RowError(
                  column(CustomerImportField.BIRTHDAY),
                  e.errors().get(0).code(),
                  e.errors().get(0).message()));
          return null;
        }
      }
      errors.add(
          new RowError(
              column(CustomerImportField.BIRTHDAY),
              "invalid-date",
              "Not a date such as 1990-05-03"));
      return null;
    }

    private RowError violation(ConstraintViolation<CustomerDraft> violation) {
      String property = violation.getPropertyPath().toString().replaceAll("[\\[.].*$", "");
      String column =
          Arrays.stream(CustomerImportField.values())
              .filter(f -> f.key().equals(property))
              .findFirst()
              .map(this::column)
              .orElse(property);
      String code =
          violation
              .getConstraintDescriptor()
              .getAnnotation()
              .annotationType()
              .getSimpleName()
              .toLowerCase(Locale.ROOT);
      return new RowError(column, code, violation.getMessage());
    }
  }

  /** The options of an enum by their names and their labels in every language of the pages. */
  private <E extends Enum<E>> Map<String, E> choices(E[] options, String labelPrefix) {
    Map<String, E> byLabel = new HashMap<>();
    for (E option : options) {
      byLabel.put(option.name().toLowerCase(Locale.ROOT).replace("_", ""), option);
      for (Locale language : LANGUAGES) {
        String label = messages.getMessage(labelPrefix + option.name(), null, null, language);
        if (label != null) {
          byLabel.put(label.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", ""), option);
        }
      }
    }
    return byLabel;
  }
}
