package org.guanxi.crm.customer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How the customer module makes names findable, lent to other modules that keep names of their own
 * (leads): any part of a Chinese or English name, in simplified or traditional characters, and the
 * pinyin of a Chinese name in full or by its initials ({@code zhangwei}, {@code zw} → 张伟). A record
 * stores the {@link Keys} of its names; a search text becomes the {@link Match} those keys must
 * satisfy.
 */
public interface NameSearchKeys {

  /**
   * What to store for a name.
   *
   * @param name the name in lower case and simplified characters, single-spaced
   * @param latin Latin words, the pinyin of every reading and its initials, space-separated (for a
   *     trigram index)
   * @param grams single Chinese characters and pairs, short Latin words and initials (for exact
   *     matching with an array index)
   */
  record Keys(String name, String latin, List<String> grams) {

    public Keys {
      grams = List.copyOf(grams);
    }

    /** The keys of two names of one record (a person's and a company's), found by either. */
    public Keys and(Keys other) {
      List<String> allGrams = new ArrayList<>(new LinkedHashSet<>(grams));
      other.grams.stream().filter(g -> !allGrams.contains(g)).forEach(allGrams::add);
      return new Keys(
          (name + " " + other.name).strip(), (latin + " " + other.latin).strip(), allGrams);
    }
  }

  /**
   * What stored keys a search text must match: every one of {@code grams}, and, when not null,
   * {@code nameContains} as a part of the stored name and {@code latinContains} as a part of the
   * stored Latin text. A text with nothing to search by has a gram that no name has.
   */
  record Match(List<String> grams, @Nullable String nameContains, @Nullable String latinContains) {

    public Match {
      grams = List.copyOf(grams);
    }
  }

  Keys of(String name);

  Match match(String searchText);
}
