package org.guanxi.crm.customer.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * What makes two customer names alike for duplicate detection, as exact keys that an index answers
 * in constant time however many customers share common words.
 *
 * <p>A name's core is its normalised name without punctuation, spaces and legal forms (有限公司, Co.,
 * Ltd., GmbH …), its words in alphabetical order: 华信科技有限公司 and 华信科技, or "Acme Trading Limited." and
 * "trading acme", have the same core. Two names are alike when their cores are the same, or, for
 * cores of at least {@value #EDIT_MIN_LENGTH} characters, when they are the same after leaving out
 * one Latin letter from each (a letter added, left out, changed, or two swapped: the typing slips
 * of a keyboard). Chinese characters and digits are never left out: 恒德实业 and 华德实业, or Store 12 and
 * Store 13, are different customers, and a Chinese name typed with the wrong character of the same
 * sound is found by its pinyin instead. The keys are the core and those shortened cores, hashed to
 * 64 bits; names that share a key are alike.
 */
final class NameKeys {

  /** Shorter cores (张伟, acme) are alike only when they are the same. */
  static final int EDIT_MIN_LENGTH = 5;

  private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern CHINESE_LEGAL_FORM =
      Pattern.compile("(股份有限公司|有限责任公司|有限公司|股份公司|公司)$");
  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "co",
          "corp",
          "corporation",
          "company",
          "inc",
          "incorporated",
          "ltd",
          "limited",
          "llc",
          "llp",
          "plc",
          "gmbh",
          "ag",
          "kg",
          "sa",
          "sas",
          "sarl",
          "bv",
          "nv",
          "pte",
          "pty",
          "srl",
          "spa",
          "oy",
          "ab",
          "as",
          "kk");

  private NameKeys() {}

  /** The core of a name already normalised by {@link SearchKeys#normalise}. */
  static String core(String normalisedName) {
    List<String> words = new ArrayList<>();
    for (String word : WORD_BREAK.split(normalisedName)) {
      String withoutForm = CHINESE_LEGAL_FORM.matcher(word).replaceFirst("");
      if (!withoutForm.isEmpty() && !LEGAL_FORMS.contains(withoutForm)) {
        words.add(withoutForm);
      }
    }
    if (words.isEmpty()) {
      // a name that is nothing but a legal form is its own core
      return String.join("", WORD_BREAK.split(normalisedName));
    }
    words.sort(null);
    return String.join("", words);
  }

  /**
   * The keys of a name already normalised by {@link SearchKeys#normalise}: the core's first, then
   * the core without each of its Latin letters; none for a name without letters or digits.
   */
  static long[] of(String normalisedName) {
    String core = core(normalisedName);
    if (core.isEmpty()) {
      return new long[0];
    }
    Set<Long> keys = new LinkedHashSet<>();
    keys.add(hash(core));
    int[] chars = core.codePoints().toArray();
    if (chars.length >= EDIT_MIN_LENGTH) {
      for (int left = 0; left < chars.length; left++) {
        if (!Character.isLetter(chars[left])
            || Character.UnicodeScript.of(chars[left]) == Character.UnicodeScript.HAN) {
          continue;
        }
        int[] shorter = new int[chars.length - 1];
        System.arraycopy(chars, 0, shorter, 0, left);
        System.arraycopy(chars, left + 1, shorter, left, chars.length - left - 1);
        keys.add(hash(new String(shorter, 0, shorter.length)));
      }
    }
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  /** The keys as PostgreSQL writes a bigint array: {1,2,3}. */
  static String arrayLiteral(long[] keys) {
    StringBuilder literal = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      literal.append(i == 0 ? "" : ",").append(keys[i]);
    }
    return literal.append('}').toString();
  }

  static Long[] boxed(long[] keys) {
    return Arrays.stream(keys).boxed().toArray(Long[]::new);
  }

  private static long hash(String text) {
    return MurmurHash3.hash128x64(text.getBytes(StandardCharsets.UTF_8))[0];
  }
}
