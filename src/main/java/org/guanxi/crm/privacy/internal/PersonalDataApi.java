package org.guanxi.crm.privacy.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.privacy.DataSubject;
import org.guanxi.crm.privacy.PersonalCopy;
import org.guanxi.crm.privacy.PersonalDataRequests;
import org.guanxi.crm.privacy.PersonalRecord;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data-subject requests for administrators, until a page for them exists: the person is a customer
 * ({@code customerId}), a contact ({@code customerId} and {@code contactId}) or a lead ({@code
 * leadId}).
 */
@RestController
@Tag(name = "Personal data", description = "What every module holds about one person")
class PersonalDataApi {

  record Subject(String type, UUID id, @Nullable UUID customerId) {
    static Subject of(DataSubject subject) {
      return new Subject(
          subject.type(),
          subject.id(),
          subject instanceof DataSubject.ContactSubject contact ? contact.customerId() : null);
    }
  }

  /**
   * The person a request is about, as the query names them: a customer ({@code customerId}), a
   * contact ({@code customerId} and {@code contactId}) or a lead ({@code leadId}).
   */
  record Person(@Nullable UUID customerId, @Nullable UUID contactId, @Nullable UUID leadId) {

    DataSubject subject() {
      if (leadId != null && customerId == null && contactId == null) {
        return new DataSubject.LeadSubject(leadId);
      }
      if (customerId != null && leadId == null) {
        return contactId == null
            ? new DataSubject.CustomerSubject(customerId)
            : new DataSubject.ContactSubject(customerId, contactId);
      }
      throw new InvalidInput(
          "customerId",
          "invalid-subject",
          "Name a customer (customerId), a contact (customerId and contactId) or a lead (leadId)");
    }
  }

  record Found(List<PersonalRecord> records) {}

  record Copied(List<PersonalCopy> copies) {}

  record Erased(List<PersonalRecord> erased) {}

  record Subjects(List<Subject> items) {}

  private final PersonalDataRequests requests;

  PersonalDataApi(PersonalDataRequests requests) {
    this.requests = requests;
  }

  @GetMapping("/api/v1/personal-data")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "Which records of every module hold the person's data, and which fields")
  Found find(@ParameterObject Person person) {
    return new Found(requests.findEverywhere(person.subject()));
  }

  @GetMapping("/api/v1/personal-data/copy")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(summary = "A copy of the person's data in every module, in clear; audited")
  Copied copy(@AuthenticationPrincipal CurrentUser user, @ParameterObject Person person) {
    return new Copied(requests.copyEverywhere(user, person.subject()));
  }

  @DeleteMapping("/api/v1/personal-data")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "Erase the person's data in every module",
      description =
          "Irreversible, unlike deleting a customer (the recycle bin): names become a marker, personal fields and"
              + " their indexes are cleared, in every module in one transaction. Audited.")
  Erased erase(@AuthenticationPrincipal CurrentUser user, @ParameterObject Person person) {
    return new Erased(requests.eraseEverywhere(user, person.subject()));
  }

  @GetMapping("/api/v1/personal-data/subjects")
  @PreAuthorize("hasAuthority('ADMINISTRATION')")
  @Operation(
      summary = "The customers, contacts and leads held with an e-mail address or phone number")
  Subjects subjects(
      @RequestParam(required = false) @Nullable String email,
      @RequestParam(required = false) @Nullable String phone) {
    return new Subjects(requests.subjectsWith(email, phone).stream().map(Subject::of).toList());
  }
}
