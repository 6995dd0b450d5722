package org.guanxi.crm.privacy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a module holds about one person, as a contract every module that stores personal data
 * implements (a Spring bean in its internal package, with its own SQL), so that a data-subject
 * request reaches every module at once ({@link PersonalDataRequests}). Everything happens in the
 * current workspace ({@code WorkspaceContext}); another workspace's records are never touched.
 *
 * <p>A module that only refers to customers by id (deals, orders' amounts) need not implement it;
 * one that copies a person's data into its own tables (an order's customer name, a key-account
 * stakeholder's name) must.
 */
public interface PersonalData {

  /** What an erased person's name becomes where a name is required. */
  String ERASED_NAME = "已删除 Erased";

  /** The module's name, as in {@link PersonalRecord#module()}. */
  String module();

  /** The records of this module that hold the person's data, and which fields; nothing erased. */
  List<PersonalRecord> find(DataSubject subject);

  /** The person's data held by this module, in clear (sealed values opened). */
  List<PersonalCopy> copy(DataSubject subject);

  /**
   * Erases or anonymises the person's data in this module, irreversibly, and says what was erased.
   * Runs inside the caller's transaction, so that every module's erasure commits or none does.
   */
  List<PersonalRecord> erase(DataSubject subject);

  /**
   * The people this module holds with this e-mail address or phone number (normalised as {@link
   * ContactValues} does), found through the blind indexes; none by default.
   */
  default List<DataSubject> subjectsWith(@Nullable String email, @Nullable String phone) {
    return List.of();
  }
}
