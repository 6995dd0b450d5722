package org.guanxi.crm.customer.internal;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * What a customer's name is found by. Chinese text is indexed in simplified characters as single
 * characters and pairs (so that any two characters of a name find it, whichever script was typed);
 * Latin text, the pinyin of the name in full and its initials (张伟: zhangwei, zw) as
 * trigram-searchable text and as whole tokens for queries too short for trigrams.
 */
final class SearchKeys {

  /**
   * @param name the simplified, lower-case name; @param latin Latin words and pinyin; @param grams
   *     exact-match keys
   */
  record Keys(String name, String latin, List<String> grams) {}

  private static final int MAX_PINYIN_VARIANTS = 8;
  private static final Pattern NOT_LATIN = Pattern.compile("[^a-z0-9]+");
  private static final Pattern NOT_HAN = Pattern.compile("[^\\p{IsHan}]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  private SearchKeys() {}

  static Keys of(String name) {
    String normalised = normalise(name);
    Set<String> grams = new LinkedHashSet<>(cjkGrams(normalised));
    List<String> latin = new ArrayList<>();
    for (String word : NOT_LATIN.split(normalised)) {
      if (!word.isEmpty()) {
        latin.add(word);
        if (word.length() <= 2) {
          grams.add(word);
        }
      }
    }
    for (List<String> reading : pinyinReadings(normalised)) {
      String full = String.join("", reading);
      StringBuilder initials = new StringBuilder();
      reading.forEach(syllable -> initials.append(syllable.charAt(0)));
      latin.add(full);
      latin.add(initials.toString());
      grams.add(initials.toString());
      reading.stream().filter(s -> s.length() <= 2).forEach(grams::add);
    }
    return new Keys(normalised, String.join(" ", new LinkedHashSet<>(latin)), List.copyOf(grams));
  }

  /** Lower case, simplified characters, single spaces. */
  static String normalise(String text) {
    String simplified = containsCjk(text) ? ZhConverterUtil.toSimple(text) : text;
    return SPACES.matcher(simplified.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
  }

  /** The keys a Chinese query must all match: its characters in pairs, or the one character. */
  static List<String> cjkQueryGrams(String normalisedQuery) {
    String cjk = cjkOnly(normalisedQuery);
    if (cjk.length() == 1) {
      return List.of(cjk);
    }
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < cjk.length(); i++) {
      pairs.add(cjk.substring(i, i + 2));
    }
    return pairs;
  }

  static boolean containsCjk(String text) {
    return text.codePoints().anyMatch(SearchKeys::isCjk);
  }

  private static List<String> cjkGrams(String normalised) {
    List<String> grams = new ArrayList<>();
    for (String run : NOT_HAN.split(normalised)) {
      for (int i = 0; i < run.length(); i++) {
        grams.add(run.substring(i, i + 1));
        if (i + 1 < run.length()) {
          grams.add(run.substring(i, i + 2));
        }
      }
    }
    return grams;
  }

  private static String cjkOnly(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().filter(SearchKeys::isCjk).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean isCjk(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /**
   * The pinyin of the Chinese characters, one list of syllables per reading of the polyphonic ones,
   * capped.
   */
  private static List<List<String>> pinyinReadings(String normalised) {
    String cjk = cjkOnly(normalised);
    if (cjk.isEmpty()) {
      return List.of();
    }
    List<List<String>> readings = new ArrayList<>();
    readings.add(new ArrayList<>());
    for (char c : cjk.toCharArray()) {
      String[] options = readingsOf(c);
      List<List<String>> next = new ArrayList<>();
      for (List<String> reading : readings) {
        for (int i = 0; i < options.length && (i == 0 || next.size() < MAX_PINYIN_VARIANTS); i++) {
          List<String> extended = new ArrayList<>(reading);
          extended.add(options[i]);
          next.add(extended);
        }
      }
      readings = next;
    }
    return readings;
  }

  private static String[] readingsOf(char c) {
    try {
      String[] options = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      if (options == null || options.length == 0) {
        return new String[] {String.valueOf(c)};
      }
      return new LinkedHashSet<>(List.of(options)).toArray(String[]::new);
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * How a name of two or more Chinese characters (and nothing else) sounds: its pinyin in full, one
   * per reading, as {@link #of} puts it among the Latin keys. Other names have none.
   */
  static List<String> fullPinyin(String name) {
    String normalised = normalise(name);
    String cjk = cjkOnly(normalised);
    if (cjk.length() < 2 || cjk.length() != normalised.replace(" ", "").length()) {
      return List.of();
    }
    return pinyinReadings(normalised).stream()
        .map(reading -> String.join("", reading))
        .distinct()
        .toList();
  }
}
