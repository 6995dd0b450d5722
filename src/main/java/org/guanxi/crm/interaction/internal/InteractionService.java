package org.guanxi.crm.interaction.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.guanxi.crm.customer.CustomerContacts;
import org.guanxi.crm.customer.CustomerSummary;
import org.guanxi.crm.customer.Customers;
import org.guanxi.crm.interaction.Channel;
import org.guanxi.crm.interaction.Direction;
import org.guanxi.crm.interaction.InteractionChanged;
import org.guanxi.crm.interaction.InteractionRecorded;
import org.guanxi.crm.interaction.Interactions;
import org.guanxi.crm.platform.CurrentUser;
import org.guanxi.crm.platform.Ids;
import org.guanxi.crm.platform.InputValidation;
import org.guanxi.crm.platform.InvalidInput;
import org.guanxi.crm.platform.RecordNotFound;
import org.guanxi.crm.platform.SqlPage;
import org.guanxi.crm.platform.StaleVersion;
import org.guanxi.crm.platform.WorkspaceTime;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording interactions with the customers a user sees, and their author changing or deleting them
 * within the workspace's edit window. Every change goes on the customer's timeline.
 */
@Service
class InteractionService implements Interactions {

  static final String KIND = "interaction";

  /** How far ahead of the server's clock a recorded time may be (a phone's clock runs ahead). */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private final InteractionStore store;
  private final InteractionSettingsStore settings;
  private final Customers customers;
  private final CustomerContacts contacts;
  private final InputValidation validation;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final WorkspaceTime time;

  InteractionService(
      InteractionStore store,
      InteractionSettingsStore settings,
      Customers customers,
      CustomerContacts contacts,
      InputValidation validation,
      ApplicationEventPublisher events,
      Clock clock,
      WorkspaceTime time) {
    this.store = store;
    this.settings = settings;
    this.customers = customers;
    this.contacts = contacts;
    this.validation = validation;
    this.events = events;
    this.clock = clock;
    this.time = time;
  }

  @Transactional
  InteractionView record(CurrentUser user, InteractionDraft draft) {
    Instant now = clock.instant();
    Checked valid = checked(user, draft, null, now);
    UUID id = Ids.newId();
    store.insert(id, valid.draft(), user.id(), now);
    InteractionView saved = get(user, id);
    Interaction interaction = saved.interaction();
    events.publishEvent(
        new InteractionRecorded(
            user.workspaceId(),
            id,
            interaction.customerId(),
            interaction.contactId(),
            interaction.channel(),
            interaction.direction(),
            interaction.occurredAt(),
            interaction.nextFollowUpOn(),
            user.id(),
            user.displayName(),
            interaction.summary(),
            valid.customer().ownerId()));
    return saved;
  }

  /** The interaction, if its customer is one the user sees. */
  InteractionView get(CurrentUser user, UUID id) {
    Interaction interaction =
        store
            .find(customers.visibleCustomers(user, "i.customer_id"), id)
            .orElseThrow(() -> new RecordNotFound(KIND, id));
    return view(user, interaction, settings.current());
  }

  /** The interactions with the customers the user sees, newest first. */
  SqlPage<InteractionView> list(CurrentUser user, InteractionStore.Query query) {
    if (query.from() != null && query.to() != null && !query.to().isAfter(query.from())) {
      throw new InvalidInput("to", "before-from", "to is after from");
    }
    InteractionSettings current = settings.current();
    SqlPage<Interaction> page =
        store.list(customers.visibleCustomers(user, "i.customer_id"), query);
    return new SqlPage<>(
        page.items().stream().map(i -> view(user, i, current)).toList(), page.nextCursor());
  }

  @Override
  public List<Appointment> meetingsAndVisits(
      CurrentUser user, UUID authorId, Instant from, Instant to) {
    return store.appointments(
        customers.visibleCustomers(user, "i.customer_id"), authorId, from, to);
  }

  /** One author's interactions of a period, per channel. */
  record Briefing(UUID authorId, @Nullable String authorName, Map<Channel, Long> byChannel) {

    public long total() {
      return byChannel.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * The week so far (from Monday in the workspace's zone): how many interactions each author
   * recorded with the customers the user sees, per channel, the busiest first.
   */
  List<Briefing> thisWeek(CurrentUser user) {
    LocalDate monday = time.today().with(java.time.DayOfWeek.MONDAY);
    Map<UUID, Briefing> byAuthor = new LinkedHashMap<>();
    for (InteractionStore.Activity a :
        store.countsSince(
            customers.visibleCustomers(user, "i.customer_id"), time.startOf(monday))) {
      byAuthor
          .computeIfAbsent(
              a.authorId(),
              author -> new Briefing(author, a.authorName(), new EnumMap<>(Channel.class)))
          .byChannel()
          .merge(a.channel(), a.count(), Long::sum);
    }
    return byAuthor.values().stream()
        .sorted(Comparator.comparingLong(Briefing::total).reversed())
        .toList();
  }

  /** The interaction, if the user may change it now: its author, within the edit window. */
  Interaction editable(CurrentUser user, UUID id) {
    InteractionView view = get(user, id);
    Interaction interaction = view.interaction();
    if (!interaction.authorId().equals(user.id())) {
      throw new NotTheAuthor(id);
    }
    if (!view.editable()) {
      throw new EditWindowClosed(id, interaction.createdAt().plus(settings.current().editWindow()));
    }
    return interaction;
  }

  @Transactional
  InteractionView update(CurrentUser user, UUID id, long expectedVersion, InteractionDraft draft) {
    Interaction current = editable(user, id);
    if (!Objects.equals(draft.customerId(), current.customerId())) {
      throw new InvalidInput(
          "customerId", "customer-fixed", "An interaction stays with the customer it was with");
    }
    Instant now = clock.instant();
    InteractionDraft valid = checked(user, draft, current, now).draft();
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(
        store.update(id, version, valid, now), KIND, () -> get(user, id).interaction().version());
    events.publishEvent(changed(user, current.customerId(), id, valid.summary(), now, false));
    return get(user, id);
  }

  @Transactional
  void delete(CurrentUser user, UUID id, long expectedVersion) {
    Interaction current = editable(user, id);
    long version = StaleVersion.check(KIND, expectedVersion, current.version());
    StaleVersion.unless(
        store.delete(id, version), KIND, () -> get(user, id).interaction().version());
    events.publishEvent(
        changed(user, current.customerId(), id, current.summary(), clock.instant(), true));
  }

  private static InteractionChanged changed(
      CurrentUser user, UUID customerId, UUID id, String summary, Instant now, boolean deleted) {
    return new InteractionChanged(
        user.workspaceId(), id, customerId, now, user.displayName(), summary, deleted);
  }

  private InteractionView view(
      CurrentUser user, Interaction interaction, InteractionSettings current) {
    Instant until = interaction.createdAt().plus(current.editWindow());
    boolean open = clock.instant().isBefore(until);
    return new InteractionView(
        interaction, open ? until : null, open && interaction.authorId().equals(user.id()));
  }

  /**
   * The draft as it is stored, if it passes every check: its customer one the user sees, its
   * contact one of that customer's, its time not ahead of now, a place only for a visit or meeting,
   * and texts stripped (an empty optional one is none). {@code current} is the stored interaction
   * when it is changed: its next follow-up date may stay although it has passed.
   */
  private Checked checked(
      CurrentUser user, InteractionDraft draft, @Nullable Interaction current, Instant now) {
    validation.check(draft);
    CustomerSummary customer = customers.require(user, draft.customerId());
    if (draft.contactId() != null
        && contacts.of(user, draft.customerId()).stream()
            .noneMatch(c -> c.id().equals(draft.contactId()))) {
      throw new InvalidInput(
          "contactId", "unknown-contact", "There is no such contact of the customer");
    }
    Instant occurredAt = draft.occurredAt() == null ? now : draft.occurredAt();
    if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidInput(
          "occurredAt",
          "in-the-future",
          "An interaction is recorded once it took place; plan one ahead as a task");
    }
    if (occurredAt.isBefore(EARLIEST)) {
      throw new InvalidInput("occurredAt", "too-early", "An interaction took place after 2000");
    }
    LocalDate next = draft.nextFollowUpOn();
    boolean kept = current != null && Objects.equals(next, current.nextFollowUpOn());
    if (next != null && !kept && next.isBefore(time.today())) {
      throw new InvalidInput(
          "nextFollowUpOn", "in-the-past", "The next follow-up is today or later");
    }
    String place = text(draft.place());
    boolean located = place != null || draft.latitude() != null || draft.longitude() != null;
    if (located && !draft.channel().hasPlace()) {
      throw new InvalidInput(
          place != null ? "place" : "latitude",
          "not-for-channel",
          "Only a visit or a meeting has a place");
    }
    if ((draft.latitude() == null) != (draft.longitude() == null)) {
      throw new InvalidInput(
          draft.latitude() == null ? "latitude" : "longitude",
          "coordinates-in-pairs",
          "A check-in has both latitude and longitude");
    }
    String ratingComment = text(draft.ratingComment());
    if (ratingComment != null && draft.rating() == null) {
      throw new InvalidInput(
          "rating",
          "required-with-comment",
          "A comment on the customer's experience goes with a rating");
    }
    return new Checked(
        new InteractionDraft(
            draft.customerId(),
            draft.contactId(),
            draft.channel(),
            draft.direction() == null ? Direction.OUTBOUND : draft.direction(),
            occurredAt,
            draft.durationMinutes(),
            text(draft.participants()),
            draft.summary().strip(),
            text(draft.outcome()),
            draft.rating(),
            ratingComment,
            next,
            place,
            coordinate(draft.latitude()),
            coordinate(draft.longitude())),
        customer);
  }

  /** A draft that passed every check, and its customer. */
  private record Checked(InteractionDraft draft, CustomerSummary customer) {}

  private static @Nullable String text(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static @Nullable BigDecimal coordinate(@Nullable BigDecimal value) {
    return value == null ? null : value.setScale(6, RoundingMode.HALF_UP);
  }
}
